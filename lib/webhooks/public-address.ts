// Which addresses a webhook may be delivered to. A delivery's answer is stored and shown to the
// merchant, so an endpoint on a private network would let anyone with a secret key read from
// services only this server can reach (a cloud metadata endpoint, the database's host): server-side
// request forgery. Unless WEBHOOK_PRIVATE_URLS=allow, deliveries go to public addresses only
// (decision 65).
import dns from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";

/** Public unicast only: not loopback, private, link-local, CGNAT, multicast, reserved, or an IPv6 form wrapping one (NAT64, 6to4, Teredo). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

export const privateUrlsAllowed = () =>
  (env.WEBHOOK_PRIVATE_URLS ?? (env.NODE_ENV === "production" ? "refuse" : "allow")) === "allow";

/** The URL's host when it is an IP address (an IPv6 one without its brackets), else undefined. */
function addressOfHost(hostname: string): string | undefined {
  const host = hostname.replace(/^\[(.*)\]$/, "$1");
  return ipaddr.isValid(host) && (host.includes(":") || /^[\d.]+$/.test(host)) ? host : undefined;
}

/**
 * Why a URL cannot be a webhook endpoint as written (its host is a non-public address or a
 * localhost name), or undefined. Other names are checked when a delivery resolves them.
 */
export function refusedHost(url: URL): string | undefined {
  const hostname = url.hostname.toLowerCase().replace(/\.$/, "");
  if (hostname === "localhost" || hostname.endsWith(".localhost")) return `${hostname} is this machine`;
  const address = addressOfHost(hostname);
  if (address !== undefined && !isPublicAddress(address)) return `${address} is not a public address`;
  return undefined;
}

export class AddressRefused extends Error {
  constructor(reason: string) {
    super(`refused: ${reason} (WEBHOOK_PRIVATE_URLS)`);
    this.name = "AddressRefused";
  }
}

/**
 * A DNS lookup for the delivery's own connection that fails unless every address the name
 * resolves to is public. Checking in the connection's lookup, not before it, leaves no gap in
 * which the name could be made to resolve elsewhere (DNS rebinding).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused || addresses.length === 0) {
      const reason = refused ? `${hostname} resolves to ${refused.address}, not a public address` : hostname;
      return callback(new AddressRefused(reason) as NodeJS.ErrnoException, "", 0);
    }
    if (options.all)
      return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};
