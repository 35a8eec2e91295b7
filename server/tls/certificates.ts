import { createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isIP } from "node:net";
import { bitString, boolean, explicit, generalizedTime, implicit, integer, octetString, oid, sequence, set, utf8String } from "./der";

const ECDSA_WITH_SHA256 = sequence(oid("1.2.840.10045.4.3.2"));
const COMMON_NAME = "2.5.4.3";

export interface CertificateRequest {
  commonName: string;
  /** DNS names and IP addresses the certificate is valid for (leaf only) */
  hosts?: string[];
  isCA: boolean;
  validDays: number;
  publicKey: KeyObject;
  /** the issuer's name and key; omitted for a self-signed certificate */
  issuer?: { commonName: string; privateKey: KeyObject };
  privateKey: KeyObject;
}

function name(commonName: string): Buffer {
  return sequence(set(sequence(oid(COMMON_NAME), utf8String(commonName))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split(".").map(Number));
  const [head, tail = ""] = ip.split("::");
  const groups = (s: string) => (s ? s.split(":") : []);
  const missing = 8 - groups(head).length - groups(tail).length;
  const all = [...groups(head), ...Array(ip.includes("::") ? missing : 0).fill("0"), ...groups(tail)];
  return Buffer.concat(all.map((g) => Buffer.from(g.padStart(4, "0"), "hex")));
}

function extensions(request: CertificateRequest): Buffer {
  // keyUsage: digitalSignature (leaf) or keyCertSign + cRLSign (CA); DER BIT STRING with unused-bit count.
  const keyUsage = request.isCA ? Buffer.from([0x03, 0x02, 0x01, 0x06]) : Buffer.from([0x03, 0x02, 0x07, 0x80]);
  const list = [extension("2.5.29.19", true, sequence(...(request.isCA ? [boolean(true)] : []))), extension("2.5.29.15", true, keyUsage)];
  if (!request.isCA) {
    list.push(extension("2.5.29.37", false, sequence(oid("1.3.6.1.5.5.7.3.1"))));
    const names = (request.hosts ?? []).map((h) => (isIP(h) ? implicit(7, ipBytes(h)) : implicit(2, Buffer.from(h, "ascii"))));
    list.push(extension("2.5.29.17", false, sequence(...names)));
  }
  return explicit(3, sequence(...list));
}

/** A DER X.509 v3 certificate signed with ECDSA P-256/SHA-256, returned as PEM. */
export function createCertificate(request: CertificateRequest): string {
  const now = Date.now();
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(randomBytes(16)),
    ECDSA_WITH_SHA256,
    name(request.issuer?.commonName ?? request.commonName),
    sequence(generalizedTime(new Date(now - 60_000)), generalizedTime(new Date(now + request.validDays * 86_400_000))),
    name(request.commonName),
    request.publicKey.export({ type: "spki", format: "der" }),
    extensions(request),
  );
  const signature = sign("sha256", tbs, request.issuer?.privateKey ?? request.privateKey);
  const der = sequence(tbs, ECDSA_WITH_SHA256, bitString(signature));
  const body = der.toString("base64").replace(/(.{64})/g, "$1\n").trimEnd();
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

export function generateKey(): { privateKey: KeyObject; publicKey: KeyObject; pem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return { privateKey, publicKey, pem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

export function loadPrivateKey(pem: string): KeyObject {
  return createPrivateKey(pem);
}
