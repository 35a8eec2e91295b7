import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createCertificate, generateKey, loadPrivateKey } from "./certificates";

export interface ServingCertificates {
  /** PEM of the CA that kubeconfigs trust */
  caPem: string;
  certPem: string;
  keyPem: string;
}

const CA_NAME = "lws-console-ca";

function hostsCovered(certPem: string, hosts: string[]): boolean {
  const cert = new X509Certificate(certPem);
  return hosts.every((h) => (isIP(h) ? cert.checkIP(h) : cert.checkHost(h)) !== undefined);
}

// The data directory is known only at run time: without these comments Turbopack traces every file
// of the project into the build's output for the reads below.
const exists = (path: string) => existsSync(/* turbopackIgnore: true */ path);
const read = (path: string) => readFileSync(/* turbopackIgnore: true */ path, "utf8");

function write(path: string, pem: string, mode: number): void {
  writeFileSync(/* turbopackIgnore: true */ path, pem, { mode });
}

/**
 * The embedded API's TLS identity, made once per data dir: a CA (kept, so kubeconfigs stay valid)
 * and a serving certificate for the hosts clients dial, reissued when a new host is needed.
 * TLS matters because kubectl never sends a bearer token over plain HTTP.
 */
export function ensureServingCertificates(dataDir: string, hosts: string[]): ServingCertificates {
  const paths = { ca: join(dataDir, "ca.crt"), caKey: join(dataDir, "ca.key"), cert: join(dataDir, "tls.crt"), key: join(dataDir, "tls.key") };
  let caPem: string;
  let caKey;
  if (exists(paths.ca) && exists(paths.caKey)) {
    caPem = read(paths.ca);
    caKey = loadPrivateKey(read(paths.caKey));
  } else {
    const key = generateKey();
    caKey = key.privateKey;
    caPem = createCertificate({ commonName: CA_NAME, isCA: true, validDays: 3650, publicKey: key.publicKey, privateKey: key.privateKey });
    write(paths.caKey, key.pem, 0o600);
    write(paths.ca, caPem, 0o644);
  }
  if (exists(paths.cert) && exists(paths.key) && hostsCovered(read(paths.cert), hosts)) {
    return { caPem, certPem: read(paths.cert), keyPem: read(paths.key) };
  }
  const key = generateKey();
  const certPem = createCertificate({ commonName: "lws-console", hosts, isCA: false, validDays: 825, publicKey: key.publicKey, privateKey: key.privateKey, issuer: { commonName: CA_NAME, privateKey: caKey } });
  write(paths.key, key.pem, 0o600);
  write(paths.cert, certPem, 0o644);
  return { caPem, certPem, keyPem: key.pem };
}
