// The fenced code blocks of a Markdown text (``` at the start of a line, a language after the
// opening fence), each as { lang, code, line }: line is the line number of its opening fence, so
// line + n is the README line of the block's line n.

/** Every fenced code block of markdown, in order; an unclosed fence is an error. */
export function codeBlocks(markdown) {
  const blocks = [];
  let open = null;
  markdown.split('\n').forEach((text, index) => {
    const fence = /^```\s*(\S*)\s*$/.exec(text);
    if (!open && fence) open = { lang: fence[1], line: index + 1, lines: [] };
    else if (open && fence && fence[1] === '') {
      blocks.push({ lang: open.lang, line: open.line, code: open.lines.join('\n') });
      open = null;
    } else if (open) open.lines.push(text);
  });
  if (open) throw new Error(`the code block opened on line ${open.line} is never closed`);
  return blocks;
}
