// The rich-text field. Before JavaScript loads (or if the editor's code cannot be fetched on a weak
// link) it is a plain <textarea> whose text the server turns into paragraphs; once the page is
// interactive the Tiptap editor is loaded lazily — only on pages that render this component — and
// writes its JSON into a hidden input with the same name, so a normal form POST carries it.
import { flushSync } from "react-dom";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useT } from "~/i18n/react";
import { plainToDoc, storedToPlain, tryParseDoc, type RichDoc } from "~/lib/rich-text";

export interface RichTextEditorProps {
  /** the form field's name: the value posted is the editor's JSON, or the fallback's text */
  name: string;
  label: ReactNode;
  id?: string;
  /** a stored JSON document (or plain text) to start from */
  defaultValue?: string | null;
  hint?: ReactNode;
  optional?: boolean;
  errors?: string[] | null;
  errorId?: string;
  /** fallback textarea height */
  rows?: number;
  /** taller editing area (minutes) */
  tall?: boolean;
  /** called with the editor's JSON on every change once the editor is loaded (autosave, live checks) */
  onChange?: (json: string) => void;
}

export interface TiptapEditorProps {
  name: string;
  id: string;
  labelId: string;
  describedBy?: string;
  invalid: boolean;
  initial: RichDoc;
  /** take the focus when created, at the end of the text (the person was typing in the fallback) */
  autofocus?: boolean;
  tall?: boolean;
  onChange?: (json: string) => void;
}

const control =
  "block w-full rounded-control border border-line bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-brand-500 aria-[invalid=true]:border-danger-600";

// Fetched once, after the page is interactive; a failure (weak link) leaves the textarea in place.
let loading: Promise<{ default: (p: TiptapEditorProps) => JSX.Element }> | undefined;
const loadEditor = () => (loading ??= import("./tiptap-editor").catch(() => ({ default: EditorUnavailable })));
type EditorComponent = (p: TiptapEditorProps) => JSX.Element;

// When the editor's code cannot be loaded the textarea stays: nothing is lost, no error page.
function EditorUnavailable(props: TiptapEditorProps) {
  return <PlainTextarea name={props.name} id={props.id} defaultValue={storedToPlain(JSON.stringify(props.initial))} invalid={props.invalid} describedBy={props.describedBy} rows={props.tall ? 16 : 6} />;
}

function PlainTextarea({ name, id, defaultValue, invalid, describedBy, rows, textareaRef }: {
  name: string; id: string; defaultValue: string; invalid: boolean; describedBy?: string; rows: number;
  textareaRef?: React.Ref<HTMLTextAreaElement>;
}) {
  return (
    <textarea
      ref={textareaRef}
      name={name}
      id={id}
      rows={rows}
      defaultValue={defaultValue}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      className={`${control} min-h-28`}
    />
  );
}

export function RichTextEditor({ name, label, id: idProp, defaultValue, hint, optional, errors, errorId, rows = 6, tall, onChange }: RichTextEditorProps) {
  const t = useT();
  const autoId = useId();
  const id = idProp ?? `rt-${autoId}`;
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errId = errorId ?? `${id}-error`;
  const invalid = !!errors?.length;
  const describedBy = [hint ? hintId : null, invalid ? errId : null].filter(Boolean).join(" ") || undefined;
  const initialPlain = storedToPlain(defaultValue) || (defaultValue && !tryParseDoc(defaultValue) ? defaultValue : "");

  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [enhanced, setEnhanced] = useState<{ initial: RichDoc; typed: string; focused: boolean; Editor: EditorComponent } | null>(null);
  useEffect(() => {
    let live = true;
    void loadEditor().then((mod) => {
      if (!live) return;
      // Whatever was typed into the textarea meanwhile seeds the editor, and a person typing keeps
      // typing: the swap renders synchronously right after reading the text (no keystroke can fall
      // in between) and the editor takes the focus the textarea had.
      const area = textareaRef.current;
      const typed = area?.value ?? initialPlain;
      const focused = !!area && document.activeElement === area;
      const stored = defaultValue ? tryParseDoc(defaultValue) : null;
      const initial = typed !== initialPlain || !stored ? plainToDoc(typed) : stored;
      flushSync(() => setEnhanced({ initial, typed, focused, Editor: mod.default }));
    });
    return () => {
      live = false;
    };
    // Only once per mounted field: a new defaultValue comes with a new React key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const fallback = (text: string) => (
    <>
      <PlainTextarea name={name} id={id} defaultValue={text} invalid={invalid} describedBy={describedBy} rows={tall ? 16 : rows} textareaRef={textareaRef} />
      <p className="mt-1 text-sm text-muted">{t("rt.fallbackHint")}</p>
    </>
  );

  return (
    <div className="mb-4">
      <label
        id={labelId}
        htmlFor={id}
        // A label only focuses form controls; the editor is a contenteditable, so focus it here.
        onClick={() => document.querySelector<HTMLElement>(`[id="${id}"][contenteditable]`)?.focus()}
        className="mb-1 block font-semibold text-ink"
      >
        {label}
        {optional ? <span className="ml-1 text-sm font-normal text-muted">({t("form.optional")})</span> : null}
      </label>
      {hint ? <p id={hintId} className="mb-1 text-sm text-muted">{hint}</p> : null}
      {enhanced ? (
        <enhanced.Editor name={name} id={id} labelId={labelId} describedBy={describedBy} invalid={invalid} initial={enhanced.initial} autofocus={enhanced.focused} tall={tall} onChange={onChange} />
      ) : (
        fallback(initialPlain)
      )}
      {invalid ? (
        <ul id={errId} className="mt-1 space-y-0.5 text-sm font-medium text-danger-700">
          {errors!.map((e) => (
            <li key={e}>{t(e)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
