/**
 * Previews of cited clauses, with no framework: hovering or focusing a citation link shows its
 * text and status; on a touch screen the first tap shows the preview and the second follows it.
 */
export function attachCitePreviews(root: Document): void {
  const links = root.querySelectorAll<HTMLAnchorElement>('a.cite[data-preview-label]');
  if (!links.length) return;
  const box = root.createElement('div');
  box.className = 'cite-preview';
  box.id = 'cite-preview';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  root.body.append(box);
  let current: HTMLAnchorElement | null = null;
  /** The link whose preview a tap opened: the next tap on it follows it. */
  let tapped: HTMLAnchorElement | null = null;
  let lastPointer = '';
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const line = (className: string, text: string | undefined) => {
    const p = root.createElement('p');
    p.className = className;
    p.textContent = text ?? '';
    return p;
  };

  const show = (link: HTMLAnchorElement) => {
    clearTimeout(hideTimer);
    current = link;
    const data = link.dataset;
    const parts = [line('label', data['previewLabel'])];
    if (data['previewText']) parts.push(line('text', data['previewText']));
    if (data['previewSummary']) parts.push(line('muted', data['previewSummary']));
    const status = line(`badge ${data['previewTone'] ?? ''}`, data['previewStatus']);
    parts.push(status);
    box.replaceChildren(...parts);
    box.hidden = false;
    link.setAttribute('aria-describedby', box.id);
    const rect = link.getBoundingClientRect();
    const width = box.offsetWidth;
    const left = Math.max(8, Math.min(rect.left, root.documentElement.clientWidth - width - 8));
    box.style.left = `${left + window.scrollX}px`;
    box.style.top = `${rect.bottom + window.scrollY + 6}px`;
  };

  const hide = () => {
    box.hidden = true;
    current?.removeAttribute('aria-describedby');
    current = null;
    tapped = null;
  };
  const hideSoon = () => {
    hideTimer = setTimeout(hide, 150);
  };

  for (const link of links) {
    link.addEventListener('mouseenter', () => show(link));
    link.addEventListener('mouseleave', hideSoon);
    link.addEventListener('focus', () => show(link));
    link.addEventListener('blur', hideSoon);
    link.addEventListener('pointerdown', (event) => {
      lastPointer = event.pointerType;
    });
    link.addEventListener('click', (event) => {
      // A tap on a phone previews first; a second tap on the same link follows it.
      if (lastPointer === 'touch' && tapped !== link) {
        event.preventDefault();
        show(link);
        tapped = link;
      }
    });
  }
  box.addEventListener('mouseenter', () => clearTimeout(hideTimer));
  box.addEventListener('mouseleave', hideSoon);
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  root.addEventListener('pointerdown', (event) => {
    const target = event.target as Node;
    if (current && !box.contains(target) && !current.contains(target)) hide();
  });
}
