// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { clauseParagraphs, withoutStyles } from '../../../src/lib/learner/clause-text.ts';
import {
  clauseText,
  locatePassage,
  markPassage,
  passageOf,
} from '../../../src/lib/learner/highlight.ts';

const CLAUSE = `
  <div id="dieu-5-khoan-1" class="unit unit-khoan">
    <div class="unit-own">
      <p><a class="marker" href="#dieu-5-khoan-1">1.</a> Đảng viên vi phạm <em>phải</em> bị xử lý.</p>
      <p>Đoạn hai của khoản.</p>
      <button class="cite-copy">Sao chép trích dẫn</button>
      <span class="learn"><button>Lưu</button></span>
    </div>
    <div id="dieu-5-khoan-1-diem-a" class="unit unit-diem">
      <div class="unit-own"><p><a class="marker">a)</a> Điểm con.</p></div>
    </div>
  </div>`;

let own: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = CLAUSE;
  own = document.querySelector<HTMLElement>('#dieu-5-khoan-1 > .unit-own')!;
});

function select(node: Node, start: number, endNode: Node, end: number): Range {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(endNode, end);
  return range;
}

describe('highlights in a clause', () => {
  it('measure only the clause’s own paragraphs', () => {
    expect(clauseText(own)).toBe('1. Đảng viên vi phạm phải bị xử lý.Đoạn hai của khoản.');
  });

  it('read a selection as a quote with offsets, trimmed of spaces', () => {
    const text = own.querySelector('p')!.childNodes[1]!;
    const em = own.querySelector('em')!.firstChild!;
    expect(passageOf(own, select(text, 0, em, 4))).toEqual({
      quote: 'Đảng viên vi phạm phải',
      start: 3,
      end: 25,
    });
    expect(passageOf(own, select(text, 0, text, 1))).toBeNull();
  });

  it('mark a passage across elements by splitting text nodes, leaving the text as it was', () => {
    const passage = { quote: 'vi phạm phải bị', start: 13, end: 28 };
    const marks = markPassage(own, passage.start, passage.end, 'dd-1');
    expect(marks.map((mark) => mark.textContent)).toEqual(['vi phạm ', 'phải', ' bị']);
    expect(
      marks.every((mark) => mark.tagName === 'MARK' && mark.dataset['highlight'] === 'dd-1'),
    ).toBe(true);
    expect(clauseText(own)).toBe('1. Đảng viên vi phạm phải bị xử lý.Đoạn hai của khoản.');
    expect(own.querySelector('em > mark')?.textContent).toBe('phải');
  });

  it('find a passage again after the text above it changed, or give up when it is gone', () => {
    expect(locatePassage(own, { quote: 'Đoạn hai', start: 35, end: 43 })).toEqual({
      start: 35,
      end: 43,
    });
    expect(locatePassage(own, { quote: 'Đoạn hai', start: 2, end: 10 })).toEqual({
      start: 35,
      end: 43,
    });
    expect(locatePassage(own, { quote: 'không còn', start: 0, end: 9 })).toBeNull();
  });

  it('never turn a quote into markup', () => {
    own.querySelector('p')!.append(document.createTextNode(' <img src=x onerror=alert(1)>'));
    const text = clauseText(own);
    const start = text.indexOf('<img');
    markPassage(own, start, start + 5, 'dd-2');
    expect(own.querySelector('img')).toBeNull();
    expect(own.querySelector('mark')?.textContent).toBe('<img ');
  });
});

describe('a clause read from its article page', () => {
  it('gives the paragraphs of the unit and the units inside it', () => {
    const page = new DOMParser().parseFromString(CLAUSE, 'text/html');
    expect(clauseParagraphs(page, 'dieu-5-khoan-1')).toEqual([
      '1. Đảng viên vi phạm phải bị xử lý.',
      'Đoạn hai của khoản.',
      'a) Điểm con.',
    ]);
    expect(clauseParagraphs(page, 'dieu-9')).toBeNull();
  });

  it('reads the same text with the page’s inline styles left out, which this page’s CSP would refuse', () => {
    const styled = `<head><style>.unit{color:red}</style><STYLE media="print">p{}</STYLE></head>${CLAUSE}`;
    const html = withoutStyles(styled);
    expect(html).not.toMatch(/<style/i);
    const page = new DOMParser().parseFromString(html, 'text/html');
    expect(clauseParagraphs(page, 'dieu-5-khoan-1')).toEqual(
      clauseParagraphs(new DOMParser().parseFromString(CLAUSE, 'text/html'), 'dieu-5-khoan-1'),
    );
  });
});
