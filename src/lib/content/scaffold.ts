/**
 * Starting files for trainers: valid as they stand (so the site still builds), with every
 * field present and a comment where something must be written.
 */
export const SCAFFOLD_KINDS = ['lesson', 'case', 'guidance', 'quiz'] as const;
export type ScaffoldKind = (typeof SCAFFOLD_KINDS)[number];

export function scaffoldFiles(kind: ScaffoldKind, slug: string, today: string): Record<string, string> {
  switch (kind) {
    case 'lesson':
      return {
        [`content/lessons/${slug}.mdx`]: `---
title: Tiêu đề bài học # sửa: tên bài, viết hoa chữ đầu
description: Một câu nói bài học giúp người học làm được gì.
author: Tên người soạn
updatedAt: ${today}
tags: []
---

Đoạn mở đầu: vì sao cán bộ kiểm tra cần nắm nội dung này.

## Nội dung chính

Viết bằng lời của bạn; mọi dữ kiện về văn bản phải có nguồn. Trích dẫn theo thứ tự từ nhỏ
đến lớn, ví dụ: Điều 35 Điều lệ Đảng.

<KeyPoint>Điều quan trọng nhất người học cần nhớ.</KeyPoint>

## Tự kiểm tra

1. Câu hỏi gợi mở thứ nhất?
`,
      };
    case 'case':
      return {
        [`content/cases/${slug}.mdx`]: `---
title: Tên tình huống
description: Một câu tóm tắt tình huống.
hypothetical: true # tình huống luôn là giả định, không kể chuyện có thật
situation: |
  Mô tả tình huống giả định: ai, ở đâu (dùng tên chung như "đồng chí A", "Chi bộ X"), việc gì.
regulations:
  - Điều 35 Điều lệ Đảng
questions:
  - Câu hỏi thảo luận thứ nhất?
analysis: |
  Phân tích: áp dụng quy định nào, vì sao.
outcome: |
  Hướng xử lý phù hợp.
author: Tên người soạn
updatedAt: ${today}
tags: []
---
`,
      };
    case 'guidance':
      return {
        [`content/guidance/${slug}.mdx`]: `---
title: Tiêu đề hướng dẫn
description: Một câu nói hướng dẫn này giúp làm việc gì.
topic: nghiep-vu # bao-ve-can-bo, dinh-huong, nghiep-vu hoặc soan-bai
author: Tên người soạn
updatedAt: ${today}
---

## Các bước

1. Bước thứ nhất.
`,
      };
    case 'quiz':
      return {
        [`quizzes/${slug}.yaml`]: `title: Tên bài trắc nghiệm
description: Bài luyện tập về chủ đề gì.
mode: practice
version: 1
banks: [${slug}]
draw:
  - { tag: ${slug}, count: 1 } # số câu rút theo từng thẻ
passMark: 70
shuffleQuestions: true
shuffleOptions: true
feedback: end # hoặc immediate: chấm ngay sau mỗi câu
`,
        [`quizzes/banks/${slug}.yaml`]: `title: Ngân hàng câu hỏi ${slug}
questions:
  - id: ${slug}-cau-1
    type: single # single, multiple, true-false, ordering, matching, scenario
    tags: [${slug}]
    difficulty: 1
    cites: ["Điều 35 Điều lệ Đảng"] # điều, khoản mà câu hỏi kiểm tra
    prompt: Nội dung câu hỏi?
    options:
      - { id: a, text: Phương án đúng }
      - { id: b, text: Phương án sai }
    answer: a
    explanation: Vì sao phương án a đúng, dẫn chiếu điều khoản.
`,
      };
  }
}
