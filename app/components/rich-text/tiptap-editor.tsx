// The Tiptap editor proper, loaded lazily by ./editor.tsx in the browser only. It keeps the
// document's JSON in a hidden input named like the field, so the surrounding <Form> posts it.
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useRef, useState, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import type { TiptapEditorProps } from "./editor";
import { isSafeHref, richTextExtensions } from "./extensions";
import { richTextClass } from "./view";

export default function TiptapEditor({ name, id, labelId, describedBy, invalid, initial, autofocus, tall, onChange }: TiptapEditorProps) {
  const [json, setJson] = useState(() => JSON.stringify(initial));
  // The latest callback, without re-creating the editor when the parent re-renders.
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const editor = useEditor({
    extensions: richTextExtensions,
    content: initial,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: `${richTextClass} ${tall ? "min-h-80" : "min-h-40"} px-3 py-2 text-base text-ink focus:outline-none`,
      },
    },
    onCreate: ({ editor: e }) => {
      if (autofocus) e.commands.focus("end");
      const next = JSON.stringify(e.getJSON());
      setJson(next);
      onChangeRef.current?.(next);
    },
    onUpdate: ({ editor: e }) => {
      const next = JSON.stringify(e.getJSON());
      setJson(next);
      onChangeRef.current?.(next);
    },
  });
  return (
    <div
      data-rich-text-editor=""
      className={`rounded-control border bg-white shadow-sm focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-200 ${
        invalid ? "border-danger-600" : "border-line"
      }`}
    >
      {editor ? <Toolbar editor={editor} controls={id} /> : null}
      <EditorContent editor={editor} />
      <input type="hidden" name={name} value={json} />
    </div>
  );
}

function Toolbar({ editor, controls }: { editor: Editor; controls: string }) {
  const t = useT();
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      link: e.isActive("link"),
      href: (e.getAttributes("link").href as string | undefined) ?? "",
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkError, setLinkError] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const chain = () => editor.chain().focus();

  const applyLink = () => {
    const raw = urlRef.current?.value.trim() ?? "";
    if (raw === "") {
      chain().extendMarkRange("link").unsetLink().run();
      setLinkOpen(false);
      return;
    }
    const href = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : raw.includes("@") && !raw.includes("/") ? `mailto:${raw}` : `https://${raw}`;
    if (!isSafeHref(href)) {
      setLinkError(true);
      return;
    }
    setLinkError(false);
    if (editor.state.selection.empty && !state.link) {
      chain().insertContent({ type: "text", text: raw, marks: [{ type: "link", attrs: { href } }] }).run();
    } else {
      chain().extendMarkRange("link").setLink({ href }).run();
    }
    setLinkOpen(false);
  };

  return (
    <div className="border-b border-line bg-surface">
      <div role="toolbar" aria-label={t("rt.toolbar")} aria-controls={controls} className="flex flex-wrap gap-1 p-1">
        <ToolButton label={t("rt.bold")} active={state.bold} onClick={() => chain().toggleBold().run()}>
          <span className="font-black">B</span>
        </ToolButton>
        <ToolButton label={t("rt.italic")} active={state.italic} onClick={() => chain().toggleItalic().run()}>
          <span className="font-serif italic">I</span>
        </ToolButton>
        <ToolButton label={t("rt.heading")} active={state.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}>
          <span className="font-bold">H2</span>
        </ToolButton>
        <ToolButton label={t("rt.subheading")} active={state.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}>
          <span className="font-semibold">H3</span>
        </ToolButton>
        <ToolButton label={t("rt.bulletList")} active={state.bullet} onClick={() => chain().toggleBulletList().run()}>
          <Icon d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />
        </ToolButton>
        <ToolButton label={t("rt.orderedList")} active={state.ordered} onClick={() => chain().toggleOrderedList().run()}>
          <Icon d="M10 6h10M10 12h10M10 18h10M4 5h1v4M4 9h2M4 14.5c.5-.7 2-.7 2 .3 0 .8-2 1.7-2 3.2h2" />
        </ToolButton>
        <ToolButton
          label={t("rt.link")}
          active={state.link || linkOpen}
          expanded={linkOpen}
          onClick={() => {
            setLinkError(false);
            setLinkOpen((o) => !o);
            setTimeout(() => urlRef.current?.focus(), 0);
          }}
        >
          <Icon d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
        </ToolButton>
        <span className="mx-1 hidden w-px self-stretch bg-line sm:block" aria-hidden />
        <ToolButton label={t("rt.undo")} disabled={!state.canUndo} onClick={() => chain().undo().run()}>
          <Icon d="M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3" />
        </ToolButton>
        <ToolButton label={t("rt.redo")} disabled={!state.canRedo} onClick={() => chain().redo().run()}>
          <Icon d="m15 14 5-5-5-5M20 9H9a5 5 0 0 0 0 10h3" />
        </ToolButton>
      </div>
      {linkOpen ? (
        <div className="flex flex-wrap items-start gap-2 border-t border-line p-2">
          <label className="sr-only" htmlFor={`${controls}-link`}>{t("rt.linkUrl")}</label>
          <input
            ref={urlRef}
            id={`${controls}-link`}
            type="url"
            inputMode="url"
            defaultValue={state.href}
            placeholder={t("rt.linkUrl")}
            aria-invalid={linkError || undefined}
            aria-describedby={linkError ? `${controls}-link-error` : undefined}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault(); // never submit the surrounding form from here
                applyLink();
              }
              if (e.key === "Escape") setLinkOpen(false);
            }}
            className="min-h-11 min-w-0 flex-1 basis-56 rounded-control border border-line px-3 text-base"
          />
          <button type="button" onClick={applyLink} className="min-h-11 rounded-control bg-brand-700 px-3 font-semibold text-white hover:bg-brand-800">
            {t("rt.linkApply")}
          </button>
          {state.link ? (
            <button
              type="button"
              onClick={() => {
                chain().extendMarkRange("link").unsetLink().run();
                setLinkOpen(false);
              }}
              className="min-h-11 rounded-control border border-line bg-white px-3 font-semibold text-danger-700 hover:bg-danger-50"
            >
              {t("rt.linkRemove")}
            </button>
          ) : null}
          {linkError ? <p id={`${controls}-link-error`} className="w-full text-sm font-medium text-danger-700">{t("rt.linkInvalid")}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

function ToolButton({ label, active, expanded, disabled, onClick, children }: {
  label: string; active?: boolean; expanded?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode;
}) {
  return (
    <button
      type="button"
      title={label}
      aria-label={label}
      aria-pressed={expanded === undefined ? !!active : undefined}
      aria-expanded={expanded}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()} // keep the editor's selection
      onClick={onClick}
      className={`grid min-h-11 min-w-11 place-items-center rounded-control px-2 text-ink hover:bg-white disabled:opacity-40 ${
        active ? "bg-brand-100 text-brand-900 ring-1 ring-brand-300" : ""
      }`}
    >
      {children}
    </button>
  );
}

function Icon({ d }: { d: string }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d={d} />
    </svg>
  );
}
