// The token embeddings pe.analyze can use: the core's synthetic vectors (built in) and GloVe's real
// word vectors (web/vocab/glove), which load only when chosen: in a page from a classic script of
// their own that web/build/bundle.mjs writes around the table's bytes, in Node from the table
// itself (readerModule, a module beside this file that a bundle never includes). notice: the
// licence texts web/build/dist.mjs ships beside that script, which the page links to.
import { gloveCredit } from './glove/glove-table.js';

export const EMBEDDINGS = [
  { name: 'synthetic', label: 'Synthetic (seeded random)', dim: null, credit: null },
  {
    name: 'glove',
    label: 'GloVe 6B 100d',
    dim: 100,
    credit: gloveCredit,
    table: 'web/vocab/glove/glove-6b-100d.bin',
    licence: 'web/vocab/glove/NOTICE.txt',
    readerModule: './glove/read-glove.js',
  },
];

/** The classic script that carries a loadable table's bytes, beside the page's script. */
export const embeddingScript = (name) => `vocab/${name}.js`;

/** Its licence texts, beside it. */
export const embeddingNoticeFile = (name) => `vocab/${name}.NOTICE.txt`;

/** The registry those scripts add themselves to: { name: the table's bytes in base64 }. */
export const EMBEDDING_REGISTRY = '__peLabEmbeddings';
