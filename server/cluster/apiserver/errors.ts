export * from "@/lib/k8s/api-errors";
