// Deterministic demo data: varied on purpose (names and no names, emails and none, externalIds,
// accents, non-Latin scripts, emoji, long names) so the dashboard's edge cases show up at once.

const FIRST = [
  "Alice",
  "Bob",
  "Chandra",
  "Dewi",
  "Élodie",
  "François",
  "Günther",
  "Hana",
  "Ivan",
  "Júlia",
  "Kenji",
  "Lars",
  "María",
  "Nadia",
  "Oluwaseun",
  "Priya",
  "Quentin",
  "Rizky",
  "Søren",
  "Thảo",
];
const LAST = [
  "Smith",
  "Wijaya",
  "Müller",
  "Santoso",
  "O'Brien",
  "García",
  "Nguyễn",
  "Kowalski",
  "Haddad",
  "Lindqvist",
  "Tanaka",
  "Putri",
  "Rossi",
  "Dubois",
];
const SPECIAL_NAMES = [
  "山田 太郎",
  "Ольга Петрова",
  "محمد العلي",
  "김민준",
  "Ἀλέξανδρος Παπαδόπουλος",
  "😀 Smiley Studio",
  "🇮🇩 Warung Kopi",
  "Zoë Saldaña-Nakamura",
  "Cher",
  "Mary Jane Watson",
  "<b>Not bold</b> & Co.",
  "PT Sinar Jaya Abadi Sentosa Makmur Sejahtera Internasional Tbk",
];
const DOMAINS = ["example.com", "example.org", "mail.example.net", "kopi.example.id"];
const CURRENCIES = ["IDR", "IDR", "IDR", "USD", "SGD"];
const DESCRIPTIONS = [
  "Coffee beans 1kg",
  "Monthly subscription",
  "Espresso machine service",
  "Gift card",
  "Workshop ticket",
];

/** A small seeded generator (mulberry32): the same demo data on every machine. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

export type DemoCustomer = {
  name: string | null;
  email: string | null;
  externalId: string | null;
  phone: string | null;
  taxId: string | null;
  metadata: Record<string, string>;
};

function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[^\x00-\x7F]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}

export function demoCustomers(count: number, random = randomSource(42)): DemoCustomer[] {
  const customers: DemoCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const special = i < SPECIAL_NAMES.length ? SPECIAL_NAMES[i] : undefined;
    const shape = i % 10;
    const name =
      special ?? (shape === 7 || shape === 9 ? null : `${random.pick(FIRST)} ${random.pick(LAST)}`);
    const local = name && slug(name) ? slug(name) : `guest.${i}`;
    const email =
      shape === 9 && !special ? null : `${local}${random.chance(0.3) ? `+${i}` : ""}@${random.pick(DOMAINS)}`;
    customers.push({
      name,
      // A few upper-case emails: the email filter is case-insensitive.
      email: email && i % 17 === 0 ? email.toUpperCase() : email,
      externalId: random.chance(0.6) ? `crm_${10000 + i}` : null,
      phone: random.chance(0.4) ? `+628${random.int(100000000, 999999999)}` : null,
      taxId: random.chance(0.15)
        ? `0${random.int(1, 9)}.${random.int(100, 999)}.${random.int(100, 999)}.${random.int(1, 9)}-${random.int(100, 999)}.000`
        : null,
      metadata: random.chance(0.3)
        ? { segment: random.pick(["enterprise", "smb", "consumer"]), source: "seed" }
        : {},
    });
  }
  return customers;
}

export { CURRENCIES, DESCRIPTIONS };
