// Shows HTML produced on the server by `renderRichText` (fixed extension list, sanitised). Never
// pass HTML from anywhere else.
export const richTextClass =
  "break-words [&_h2]:mb-2 [&_h2]:mt-4 [&_h2]:text-xl [&_h2]:font-bold [&_h3]:mb-1 [&_h3]:mt-3 [&_h3]:text-lg [&_h3]:font-semibold " +
  "[&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_li_p]:my-0.5 " +
  "[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-line [&_blockquote]:pl-3 [&_blockquote]:text-muted [&_a]:underline";

export function RichTextView({ html, className = "" }: { html: string; className?: string }) {
  // eslint-disable-next-line react/no-danger -- server-rendered from the fixed schema
  return <div className={`${richTextClass} ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
