/**
 * Request bodies recorded from the real kubectl (v1.32.4, client-go typed clients) against a
 * throwaway logging HTTP server, base64-encoded. Each "json" is what the same kubectl command
 * prints with `--dry-run=client -o json`, minus `creationTimestamp: null` (the decoder leaves
 * unset times out): the JSON form the protobuf body stands for.
 */
export interface KubectlFixture {
  command: string;
  protobuf: string;
  json: Record<string, unknown>;
}

export const KUBECTL_FIXTURES: KubectlFixture[] = [
  {
    command: "kubectl create namespace team-a",
    protobuf:
      "azhzAAoPCgJ2MRIJTmFtZXNwYWNlEh4KFgoGdGVhbS1hEgAaACIAKgAyADgAQgASABoCCgAaACIA",
    json: {
      "kind": "Namespace",
      "apiVersion": "v1",
      "metadata": {
        "name": "team-a"
      },
      "spec": {},
      "status": {}
    },
  },
  {
    command: "kubectl create configmap cm --from-literal=a=1 --from-literal=b=2",
    protobuf:
      "azhzAAoPCgJ2MRIJQ29uZmlnTWFwEiQKEgoCY20SABoAIgAqADIAOABCABIGCgFhEgExEgYKAWISATIaACIA",
    json: {
      "kind": "ConfigMap",
      "apiVersion": "v1",
      "metadata": {
        "name": "cm"
      },
      "data": {
        "a": "1",
        "b": "2"
      }
    },
  },
  {
    command: "kubectl create configmap files --from-file=app.conf",
    protobuf:
      "azhzAAoPCgJ2MRIJQ29uZmlnTWFwEjEKFQoFZmlsZXMSABoAIgAqADIAOABCABIYCghhcHAuY29uZhIMbGluZTEKbGluZTIK" +
      "GgAiAA==",
    json: {
      "kind": "ConfigMap",
      "apiVersion": "v1",
      "metadata": {
        "name": "files"
      },
      "data": {
        "app.conf": "line1\nline2\n"
      }
    },
  },
  {
    command: "kubectl create secret generic s --from-literal=k=v",
    protobuf:
      "azhzAAoMCgJ2MRIGU2VjcmV0Eh0KEQoBcxIAGgAiACoAMgA4AEIAEgYKAWsSAXYaABoAIgA=",
    json: {
      "kind": "Secret",
      "apiVersion": "v1",
      "metadata": {
        "name": "s"
      },
      "data": {
        "k": "dg=="
      }
    },
  },
  {
    command: "kubectl create secret docker-registry reg --docker-server=r.example.com --docker-username=u --docker-password=p",
    protobuf:
      "azhzAAoMCgJ2MRIGU2VjcmV0EpUBChMKA3JlZxIAGgAiACoAMgA4AEIAEl4KES5kb2NrZXJjb25maWdqc29uEkl7ImF1dGhz" +
      "Ijp7InIuZXhhbXBsZS5jb20iOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwIiwiYXV0aCI6ImRUcHcifX19Gh5rdWJl" +
      "cm5ldGVzLmlvL2RvY2tlcmNvbmZpZ2pzb24aACIA",
    json: {
      "kind": "Secret",
      "apiVersion": "v1",
      "metadata": {
        "name": "reg"
      },
      "data": {
        ".dockerconfigjson": "eyJhdXRocyI6eyJyLmV4YW1wbGUuY29tIjp7InVzZXJuYW1lIjoidSIsInBhc3N3b3JkIjoicCIsImF1dGgiOiJkVHB3In19fQ=="
      },
      "type": "kubernetes.io/dockerconfigjson"
    },
  },
  {
    command: "kubectl create service clusterip svc --tcp=80:8080",
    protobuf:
      "azhzAAoNCgJ2MRIHU2VydmljZRJpCh8KA3N2YxIAGgAiACoAMgA4AEIAWgoKA2FwcBIDc3ZjEkIKGwoHODAtODA4MBIDVENQ" +
      "GFAiBwgAEJA/GgAoABIKCgNhcHASA3N2YxoAIglDbHVzdGVySVA6AEIAUgBaAGAAaAAaAgoAGgAiAA==",
    json: {
      "kind": "Service",
      "apiVersion": "v1",
      "metadata": {
        "name": "svc",
        "labels": {
          "app": "svc"
        }
      },
      "spec": {
        "ports": [
          {
            "name": "80-8080",
            "protocol": "TCP",
            "port": 80,
            "targetPort": 8080
          }
        ],
        "selector": {
          "app": "svc"
        },
        "type": "ClusterIP"
      },
      "status": {
        "loadBalancer": {}
      }
    },
  },
  {
    command: "kubectl create service clusterip headless --clusterip=None",
    protobuf:
      "azhzAAoNCgJ2MRIHU2VydmljZRJfCikKCGhlYWRsZXNzEgAaACIAKgAyADgAQgBaDwoDYXBwEghoZWFkbGVzcxIuEg8KA2Fw" +
      "cBIIaGVhZGxlc3MaBE5vbmUiCUNsdXN0ZXJJUDoAQgBSAFoAYABoABoCCgAaACIA",
    json: {
      "kind": "Service",
      "apiVersion": "v1",
      "metadata": {
        "name": "headless",
        "labels": {
          "app": "headless"
        }
      },
      "spec": {
        "selector": {
          "app": "headless"
        },
        "clusterIP": "None",
        "type": "ClusterIP"
      },
      "status": {
        "loadBalancer": {}
      }
    },
  },
  {
    command: "kubectl create service nodeport np --tcp=8080:80 --node-port=30080",
    protobuf:
      "azhzAAoNCgJ2MRIHU2VydmljZRJnCh0KAm5wEgAaACIAKgAyADgAQgBaCQoDYXBwEgJucBJCCh0KBzgwODAtODASA1RDUBiQ" +
      "PyIGCAAQUBoAKIDrARIJCgNhcHASAm5wGgAiCE5vZGVQb3J0OgBCAFIAWgBgAGgAGgIKABoAIgA=",
    json: {
      "kind": "Service",
      "apiVersion": "v1",
      "metadata": {
        "name": "np",
        "labels": {
          "app": "np"
        }
      },
      "spec": {
        "ports": [
          {
            "name": "8080-80",
            "protocol": "TCP",
            "port": 8080,
            "targetPort": 80,
            "nodePort": 30080
          }
        ],
        "selector": {
          "app": "np"
        },
        "type": "NodePort"
      },
      "status": {
        "loadBalancer": {}
      }
    },
  },
  {
    command: "kubectl create service loadbalancer lb --tcp=443:https",
    protobuf:
      "azhzAAoNCgJ2MRIHU2VydmljZRJwCh0KAmxiEgAaACIAKgAyADgAQgBaCQoDYXBwEgJsYhJLCiIKCTQ0My1odHRwcxIDVENQ" +
      "GLsDIgsIARAAGgVodHRwcygAEgkKA2FwcBICbGIaACIMTG9hZEJhbGFuY2VyOgBCAFIAWgBgAGgAGgIKABoAIgA=",
    json: {
      "kind": "Service",
      "apiVersion": "v1",
      "metadata": {
        "name": "lb",
        "labels": {
          "app": "lb"
        }
      },
      "spec": {
        "ports": [
          {
            "name": "443-https",
            "protocol": "TCP",
            "port": 443,
            "targetPort": "https"
          }
        ],
        "selector": {
          "app": "lb"
        },
        "type": "LoadBalancer"
      },
      "status": {
        "loadBalancer": {}
      }
    },
  },
  {
    command: "kubectl create service externalname ext --external-name=db.example.com",
    protobuf:
      "azhzAAoNCgJ2MRIHU2VydmljZRJdCh8KA2V4dBIAGgAiACoAMgA4AEIAWgoKA2FwcBIDZXh0EjYSCgoDYXBwEgNleHQaACIM" +
      "RXh0ZXJuYWxOYW1lOgBCAFIOZGIuZXhhbXBsZS5jb21aAGAAaAAaAgoAGgAiAA==",
    json: {
      "kind": "Service",
      "apiVersion": "v1",
      "metadata": {
        "name": "ext",
        "labels": {
          "app": "ext"
        }
      },
      "spec": {
        "selector": {
          "app": "ext"
        },
        "type": "ExternalName",
        "externalName": "db.example.com"
      },
      "status": {
        "loadBalancer": {}
      }
    },
  },
  {
    command: "kubectl create deployment d --image=nginx --replicas=2",
    protobuf:
      "azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50EqMBChsKAWQSABoAIgAqADIAOABCAFoICgNhcHASAWQSdggCEgoKCAoDYXBw" +
      "EgFkGl4KGgoAEgAaACIAKgAyADgAQgBaCAoDYXBwEgFkEkASIgoFbmdpbngSBW5naW54KgBCAGoAcgCAAQCIAQCQAQCiAQAa" +
      "ADIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAIgIKACgAOAAaDAgAEAAYACAAKAA4ABoAIgA=",
    json: {
      "kind": "Deployment",
      "apiVersion": "apps/v1",
      "metadata": {
        "name": "d",
        "labels": {
          "app": "d"
        }
      },
      "spec": {
        "replicas": 2,
        "selector": {
          "matchLabels": {
            "app": "d"
          }
        },
        "template": {
          "metadata": {
            "labels": {
              "app": "d"
            }
          },
          "spec": {
            "containers": [
              {
                "name": "nginx",
                "image": "nginx",
                "resources": {}
              }
            ]
          }
        },
        "strategy": {}
      },
      "status": {}
    },
  },
  {
    command: "kubectl create deployment web2 --image=nginx:1.27 --image=busybox --port=8080 --replicas=0",
    protobuf:
      "azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50EusBCiEKBHdlYjISABoAIgAqADIAOABCAFoLCgNhcHASBHdlYjIStwEIABIN" +
      "CgsKA2FwcBIEd2ViMhqbAQodCgASABoAIgAqADIAOABCAFoLCgNhcHASBHdlYjISehI0CgVuZ2lueBIKbmdpbng6MS4yNyoA" +
      "MgsKABAAGJA/IgAqAEIAagByAIABAIgBAJABAKIBABImCgdidXN5Ym94EgdidXN5Ym94KgBCAGoAcgCAAQCIAQCQAQCiAQAa" +
      "ADIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAIgIKACgAOAAaDAgAEAAYACAAKAA4ABoAIgA=",
    json: {
      "kind": "Deployment",
      "apiVersion": "apps/v1",
      "metadata": {
        "name": "web2",
        "labels": {
          "app": "web2"
        }
      },
      "spec": {
        "replicas": 0,
        "selector": {
          "matchLabels": {
            "app": "web2"
          }
        },
        "template": {
          "metadata": {
            "labels": {
              "app": "web2"
            }
          },
          "spec": {
            "containers": [
              {
                "name": "nginx",
                "image": "nginx:1.27",
                "ports": [
                  {
                    "containerPort": 8080
                  }
                ],
                "resources": {}
              },
              {
                "name": "busybox",
                "image": "busybox",
                "resources": {}
              }
            ]
          }
        },
        "strategy": {}
      },
      "status": {}
    },
  },
];
