import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  AddressRefused,
  isPublicAddress,
  publicOnlyLookup,
  refusedHost,
} from "@/lib/webhooks/public-address";

describe("isPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254", // cloud metadata
    "100.64.0.1", // carrier-grade NAT
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "192.0.2.10", // documentation
    "::",
    "::1",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "64:ff9b::a00:1", // NAT64 of 10.0.0.1
    "2002:7f00:1::", // 6to4 of 127.0.0.1
    "2001:db8::1",
    "not an address",
    "",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["8.8.8.8", "93.184.216.34", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])(
    "accepts %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  const octet = fc.integer({ min: 0, max: 255 });
  it("refuses every address of the loopback, private and link-local ranges, however written (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("127", "10", "192.168", "169.254", "172.16"),
        octet,
        octet,
        octet,
        (prefix, a, b, c) => {
          const address = [...prefix.split("."), a, b, c].slice(0, 4).join(".");
          expect(isPublicAddress(address)).toBe(false);
          const [w, x, y, z] = address.split(".").map(Number);
          const mapped = `::ffff:${((w << 8) | x).toString(16)}:${((y << 8) | z).toString(16)}`;
          expect(isPublicAddress(mapped)).toBe(false);
        },
      ),
    );
  });

  it("gives an IPv4-mapped IPv6 address the verdict of its IPv4 address (property)", () => {
    fc.assert(
      fc.property(octet, octet, octet, octet, (w, x, y, z) => {
        expect(isPublicAddress(`::ffff:${w}.${x}.${y}.${z}`)).toBe(isPublicAddress(`${w}.${x}.${y}.${z}`));
      }),
    );
  });
});

describe("refusedHost", () => {
  it.each([
    "http://localhost:3000/hooks",
    "http://LOCALHOST./hooks",
    "http://shop.localhost/hooks",
    "http://127.0.0.1:9/hooks",
    "http://127.1/hooks",
    "http://2130706433/hooks",
    "http://0x7f.0.0.1/hooks",
    "https://[::1]/hooks",
    "https://[::ffff:7f00:1]/hooks",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.5:8080/",
  ])("refuses %s as written", (url) => {
    expect(refusedHost(new URL(url))).toBeDefined();
  });

  it.each(["https://example.com/hooks", "http://8.8.8.8/hooks", "https://[2606:4700::1111]/"])(
    "leaves %s to the delivery's lookup",
    (url) => {
      expect(refusedHost(new URL(url))).toBeUndefined();
    },
  );
});

describe("publicOnlyLookup", () => {
  const lookup = (hostname: string, all: boolean) =>
    new Promise<unknown>((resolve, reject) =>
      publicOnlyLookup(hostname, { all }, (error, address, family) =>
        error ? reject(error) : resolve(all ? address : { address, family }),
      ),
    );

  it("fails the connection for a name that resolves to this machine", async () => {
    await expect(lookup("localhost", false)).rejects.toBeInstanceOf(AddressRefused);
    await expect(lookup("localhost", true)).rejects.toThrow(/localhost resolves to .*, not a public address/);
  });

  it("passes public addresses through, in the form the caller asked for", async () => {
    expect(await lookup("8.8.8.8", false)).toEqual({ address: "8.8.8.8", family: 4 });
    expect(await lookup("8.8.8.8", true)).toEqual([{ address: "8.8.8.8", family: 4 }]);
  });
});
