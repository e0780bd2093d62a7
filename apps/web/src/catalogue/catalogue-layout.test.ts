import { describe, expect, it } from 'vitest';
import { moveItem, newCategoryId, removeCategory } from './catalogue-layout';

describe('catalogue layout edits', () => {
  it('moves an item up or down and leaves the ends alone', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });

  it('makes a free category id from the English name', () => {
    expect(newCategoryId('IT help', [])).toBe('it-help');
    expect(newCategoryId('IT help', ['it-help'])).toBe('it-help-2');
    expect(newCategoryId('人事', [])).toBe('category');
  });

  it('leaves the entries of a removed category uncategorised', () => {
    const layout = removeCategory(
      {
        categories: [{ id: 'it', name: { en: 'IT', zh: '信息' } }],
        entries: [
          {
            workflowKey: 'it-change',
            workflowName: { en: 'Change', zh: '变更' },
            published: true,
            requestable: true,
            categoryId: 'it',
            icon: 'change',
            description: { en: '', zh: '' },
          },
        ],
      },
      'it',
    );
    expect(layout.categories).toEqual([]);
    expect(layout.entries[0]?.categoryId).toBeNull();
  });
});
