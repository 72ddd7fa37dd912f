/**
 * No literal UI text in components: every word a user sees comes from the message catalogues.
 * Flags JSX text with letters, and string literals with letters in user-facing attributes.
 */
const TEXT_ATTRIBUTES = new Set([
  'label',
  'title',
  'alt',
  'placeholder',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'description',
  'emptyLabel',
  'allLabel',
]);

const LETTER = /\p{L}/u;

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow literal UI text in JSX; use t() from the catalogues.' },
    messages: {
      text: 'Literal UI text "{{text}}": put it in the message catalogues and use t().',
    },
    schema: [],
  },
  create(context) {
    const report = (node, text) =>
      context.report({ node, messageId: 'text', data: { text: text.trim().slice(0, 40) } });
    return {
      JSXText(node) {
        if (LETTER.test(node.value)) report(node, node.value);
      },
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : '';
        if (!TEXT_ATTRIBUTES.has(name) || !node.value) return;
        if (node.value.type === 'Literal' && typeof node.value.value === 'string') {
          if (LETTER.test(node.value.value)) report(node.value, node.value.value);
        } else if (node.value.type === 'JSXExpressionContainer') {
          const e = node.value.expression;
          if (e.type === 'Literal' && typeof e.value === 'string' && LETTER.test(e.value))
            report(e, e.value);
          if (
            e.type === 'TemplateLiteral' &&
            e.quasis.some((q) => LETTER.test(q.value.cooked ?? ''))
          )
            report(e, e.quasis.map((q) => q.value.cooked).join('…'));
        }
      },
      'JSXExpressionContainer > Literal'(node) {
        if (node.parent.parent?.type === 'JSXAttribute') return;
        if (typeof node.value === 'string' && LETTER.test(node.value)) report(node, node.value);
      },
    };
  },
};

export default { rules: { 'no-literal-ui-text': rule } };
