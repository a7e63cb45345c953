// What reaches a page from a rich-text field: only the fixed features, never script or a
// javascript: link, whatever the browser sent.
import { describe, expect, it } from "vitest";
import { parseRichText, renderRichText, richTextToPlain, sanitizeDoc } from "./rich-text.server";

const doc = (...content: unknown[]) => JSON.stringify({ type: "doc", content });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });

function renderInput(input: string) {
  const r = parseRichText(input);
  if (!r.ok) throw new Error(r.error);
  return renderRichText(r.json);
}

describe("parseRichText", () => {
  it("turns fallback plain text into paragraphs and line breaks", () => {
    const r = parseRichText("Pembukaan oleh Kadis.\nDihadiri 12 OPD.\n\nRTL dibahas.");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.content).toHaveLength(2);
    expect(renderRichText(r.json)).toBe("<p>Pembukaan oleh Kadis.<br/>Dihadiri 12 OPD.</p><p>RTL dibahas.</p>");
    expect(r.plain).toBe("Pembukaan oleh Kadis.\nDihadiri 12 OPD.\n\nRTL dibahas.");
  });

  it("keeps the editor's headings, lists, bold, italic and safe links", () => {
    const html = renderInput(doc(
      { type: "heading", attrs: { level: 2 }, content: [text("Keputusan")] },
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("Satu", [{ type: "bold" }]))] }] },
      { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [p(text("Dua", [{ type: "italic" }]))] }] },
      p(text("situs", [{ type: "link", attrs: { href: "https://sukamajukab.go.id/berita" } }])),
    ));
    expect(html).toContain("<h2>Keputusan</h2>");
    expect(html).toContain("<ul><li><p><strong>Satu</strong></p></li></ul>");
    expect(html).toContain("<em>Dua</em>");
    expect(html).toContain('<a rel="noopener noreferrer nofollow" href="https://sukamajukab.go.id/berita">situs</a>');
  });

  it("never lets <script> through: text is escaped, HTML nodes are unknown and dropped", () => {
    const html = renderInput(doc(
      p(text("<script>alert('x')</script>")),
      { type: "html", content: [text("<script>alert(1)</script>")] },
      { type: "iframe", attrs: { src: "https://evil.example" } },
    ));
    expect(html).not.toContain("<script");
    expect(html).not.toContain("iframe");
    expect(html).toBe("<p>&lt;script&gt;alert('x')&lt;/script&gt;</p>");
  });

  it("plain text that looks like HTML stays text", () => {
    const html = renderInput('<img src=x onerror="alert(1)"> & <b>tebal</b>');
    expect(html).not.toMatch(/<img|<b>/);
    expect(html).toContain("&lt;img");
  });

  it("drops javascript:, data: and obfuscated links but keeps their text; mailto is fine", () => {
    const html = renderInput(doc(p(
      text("a", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
      text("b", [{ type: "link", attrs: { href: " JaVaScRiPt:alert(1)" } }]),
      text("c", [{ type: "link", attrs: { href: "java\tscript:alert(1)" } }]),
      text("d", [{ type: "link", attrs: { href: "data:text/html;base64,PHNjcmlwdD4=" } }]),
      text("e", [{ type: "link", attrs: { href: "mailto:humas@dinkes.sukamaju.test" } }]),
    )));
    expect(html.toLowerCase()).not.toContain("javascript");
    expect(html).not.toContain("data:");
    expect(html).toContain("<p>abcd<a");
    expect(html).toContain('href="mailto:humas@dinkes.sukamaju.test"');
  });

  it("drops unknown nodes, unknown marks and unknown attributes", () => {
    const html = renderInput(doc(
      { type: "codeBlock", content: [text("rm -rf /")] },
      { type: "image", attrs: { src: "x.png" } },
      p(text("merah", [{ type: "textStyle", attrs: { color: "red" } }, { type: "bold" }])),
      { type: "paragraph", attrs: { style: "display:none", onclick: "x()" }, content: [text("p")] },
      { type: "heading", attrs: { level: 1, class: "x" }, content: [text("Judul")] },
    ));
    expect(html).toBe("<p><strong>merah</strong></p><p>p</p><h2>Judul</h2>");
  });

  it("escapes attribute values in links", () => {
    const html = renderInput(doc(p(text("x", [{ type: "link", attrs: { href: 'https://a.test/"><script>alert(1)</script>' } }]))));
    expect(html).not.toContain("<script");
  });

  it("repairs loose structure instead of failing (text directly in the document or a list)", () => {
    const r = parseRichText(doc(text("lepas"), { type: "bulletList", content: [text("butir")] }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(renderRichText(r.json)).toBe("<p>lepas</p><ul><li><p>butir</p></li></ul>");
  });

  it("refuses more than 200 KB", () => {
    expect(parseRichText("a".repeat(200 * 1024 + 1))).toEqual({ ok: false, error: "rt.tooLarge" });
    expect(parseRichText("a".repeat(1000)).ok).toBe(true);
  });

  it("an empty submission is an empty document, reported as empty", () => {
    const r = parseRichText("");
    expect(r.ok && r.empty).toBe(true);
  });

  it("text starting with { that is not JSON is kept as text", () => {
    const r = parseRichText("{catatan} rapat");
    expect(r.ok && r.plain).toBe("{catatan} rapat");
  });
});

describe("renderRichText / richTextToPlain", () => {
  it("re-sanitises stored data and tolerates garbage", () => {
    expect(renderRichText(null)).toBe("");
    expect(renderRichText("bukan json")).toBe("");
    expect(renderRichText(doc(p(text("x", [{ type: "link", attrs: { href: "javascript:x" } }]))))).toBe("<p>x</p>");
    expect(sanitizeDoc({ type: "paragraph" })).toBeNull();
  });

  it("flattens to plain text for e-mails and calendars", () => {
    const plain = richTextToPlain(doc(
      { type: "heading", attrs: { level: 2 }, content: [text("Agenda")] },
      { type: "bulletList", content: [
        { type: "listItem", content: [p(text("Pembukaan"))] },
        { type: "listItem", content: [p(text("Paparan Polres"))] },
      ] },
      { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [p(text("RTL"))] }] },
      p(text("Materi", [{ type: "link", attrs: { href: "https://a.test/m" } }])),
    ));
    expect(plain).toBe("Agenda\n\n- Pembukaan\n- Paparan Polres\n\n1. RTL\n\nMateri (https://a.test/m)");
  });
});
