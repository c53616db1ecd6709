/** What a copied citation looks like when pasted: the citation, then its link. */
export function citationClipboardText(citation: string, url: string): string {
  return `${citation}\n${url}`;
}

/** Copies a citation; false when the browser refuses, so the page can say so. */
export async function copyCitation(citation: string, url: string): Promise<boolean> {
  const text = citationClipboardText(citation, url);
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers and non-secure pages: the selection-based copy still works there.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
