// THE fixed list of rich-text features, shared by the browser editor and the server renderer:
// paragraphs, headings (levels 2–3), bullet and numbered lists, quotes, line breaks; bold, italic,
// underline and links (http, https, mailto only). Anything else in a document is dropped on the
// server before it is stored or shown.
import StarterKit from "@tiptap/starter-kit";

export const HEADING_LEVELS = [2, 3] as const;
export const LINK_PROTOCOLS = ["http", "https", "mailto"] as const;
export const LINK_REL = "noopener noreferrer nofollow";

export const ALLOWED_NODES = new Set([
  "doc", "paragraph", "text", "heading", "bulletList", "orderedList", "listItem", "blockquote", "hardBreak",
]);
export const ALLOWED_MARKS = new Set(["bold", "italic", "underline", "link"]);

/** http(s) and mailto only; never javascript:, data:, vbscript: or a relative trick. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string") return false;
  const h = href.trim();
  if (h.length === 0 || h.length > 2000) return false;
  // Control characters and whitespace inside a scheme are how "java\tscript:" slips through.
  if (/[\u0000-\u001f\u007f]/.test(h)) return false;
  try {
    const u = new URL(h);
    return u.protocol === "http:" || u.protocol === "https:" || u.protocol === "mailto:";
  } catch {
    return false;
  }
}

export const richTextExtensions = [
  StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      protocols: [...LINK_PROTOCOLS],
      isAllowedUri: (url) => isSafeHref(url),
      HTMLAttributes: { rel: LINK_REL, target: null },
    },
  }),
];
