// The model of "Copy as PyTorch" (torch-experiment.js): the position schemes the runs use and a
// small pre-norm transformer, written as the core computes them (tests/parity/torch_trainer.py is
// the reference the core is held to), with only the code the chosen schemes need.

const INPUT_TABLES = ['integer', 'binary', 'sinusoidal'];

const lines = (...parts) => parts.filter((part) => part !== null && part !== false).join('\n');
const when = (condition, text) => (condition ? text : null);

const WEIGHTS = `def initialize(model):
    """GPT-2's initialisation, as the lab's: matrices N(0, 0.02^2), the two projections back into
    the residual stream N(0, (0.02 / sqrt(2 layers))^2), token embeddings N(0, EMBEDDING_STD^2),
    learned positions N(0, 0.02^2); norms' gains 1 and biases 0."""
    for name, p in model.named_parameters():
        if name.endswith(("out.weight", "down.weight")):
            nn.init.normal_(p, std=0.02 / math.sqrt(2 * LAYERS))
        elif name == "token_embedding.weight":
            nn.init.normal_(p, std=EMBEDDING_STD)
        elif name.endswith(("qkv.weight", "up.weight")) or name in ("output.weight", "position_table"):
            nn.init.normal_(p, std=0.02)


def load_lab_weights(model, tensors):
    """The lab's weights (trainer.weights(): matrices (in, out), applied as x @ W) into the model
    (nn.Linear keeps (out, in)); the lab's "gain" is PyTorch's "weight"."""
    params = dict(model.named_parameters())
    with torch.no_grad():
        for t in tensors:
            values = torch.tensor(t["values"], dtype=torch.float32).reshape(t["rows"], t["cols"])
            name = t["name"].replace(".gain", ".weight")
            if t["decayed"]:  # the linear layers' matrices
                params[name + ".weight"].copy_(values.t())
            elif name == "token_embedding":
                params["token_embedding.weight"].copy_(values)
            else:
                params[name].copy_(values.reshape(params[name].shape))`;

function normSection(kind) {
  return kind === 'layer'
    ? `def make_norm():
    """LayerNorm (GPT-2): subtracts the mean, divides by the spread, then a gain and a bias."""
    return nn.LayerNorm(D_MODEL, eps=EPS)`
    : `class RMSNorm(nn.Module):
    """RMSNorm (Llama, DeepSeek): divides by the root mean square, then a gain; no mean, no bias."""

    def __init__(self, d):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + EPS) * self.weight


def make_norm():
    return RMSNorm(D_MODEL)`;
}

export function positionSection(schemes) {
  const has = (name) => schemes.has(name);
  const tables = INPUT_TABLES.filter(has);
  const parts = [];
  if (tables.length) {
    const branch = {
      integer: `    if run["scheme"] == "integer":  # p itself, in every dimension
        return p.repeat(1, d).float()`,
      binary: `    if run["scheme"] == "binary":  # bit i of p in dimension i
        return ((p.long() >> torch.arange(d)) & 1).float()`,
      sinusoidal: `    if run["scheme"] == "sinusoidal":  # sin and cos of p w_k, w_k = base^(-2k/d)
        angle = p * run["base"] ** (-2.0 * torch.arange(d // 2, dtype=torch.float64) / d)
        table = torch.empty(rows, d, dtype=torch.float64)
        if run["layout"] == "split":
            table[:, : d // 2], table[:, d // 2 :] = torch.sin(angle), torch.cos(angle)
        else:
            table[:, 0::2], table[:, 1::2] = torch.sin(angle), torch.cos(angle)
        return table.float()`,
    };
    parts.push(`def input_table(run, rows, d):
    """The fixed table added to the token embeddings, row r for position FIRST_POSITION + r
    (angles in float64, then float32, as the lab computes them), or None."""
    p = torch.arange(FIRST_POSITION, FIRST_POSITION + rows, dtype=torch.float64)[:, None]
${tables.map((name) => branch[name]).join('\n')}
    return None`);
  }
  if (has('rope'))
    parts.push(`def rope_tables(run, rows, hd):
    """RoPE: cos and sin of p theta_j, theta_j = base^(-2j/hd), for each position and pair."""
    p = torch.arange(FIRST_POSITION, FIRST_POSITION + rows, dtype=torch.float64)[:, None]
    theta = run["base"] ** (-2.0 * torch.arange(hd // 2, dtype=torch.float64) / hd)
    return torch.cos(p * theta).float(), torch.sin(p * theta).float()


def rotate(x, cos, sin, pairing):
    """Turns each pair (a, b) of x (B, H, T, hd) by its angle: (a cos - b sin, a sin + b cos).
    Pairs are (2j, 2j + 1) ("interleaved", the paper's) or (j, j + hd/2) ("half", Llama's code)."""
    if pairing == "half":
        a, b = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2 :]
        return torch.cat([a * cos - b * sin, a * sin + b * cos], dim=-1)
    a, b = x[..., 0::2], x[..., 1::2]
    return torch.stack([a * cos - b * sin, a * sin + b * cos], dim=-1).flatten(-2)`);
  if (has('alibi'))
    parts.push(`def alibi_slopes(heads):
    """ALiBi (Press et al.): head h's score for a key d tokens away drops by m_h d, m_h = 2^(-8(h+1)/n)
    for n a power of two; otherwise the lower power's slopes, then every other of the next's."""
    def power_of_two(n):
        return [2.0 ** (-8.0 * (h + 1) / n) for h in range(n)]
    lower = 2 ** int(math.floor(math.log2(heads)))
    slopes = power_of_two(lower)
    if lower < heads:
        slopes += power_of_two(2 * lower)[0::2][: heads - lower]
    return torch.tensor(slopes)`);
  if (!parts.length) return null;
  return `# ---- Where each token is: the position schemes of the runs

${parts.join('\n\n\n')}`;
}

// The attention scores, with the lines of the schemes that act there (RoPE, ALiBi).
function scoreLines(has) {
  return lines(
    when(
      has('rope'),
      `        if run["scheme"] == "rope":  # RoPE turns queries and keys by their positions
            cos, sin = (t[:T] for t in positions["rope"])
            q, k = rotate(q, cos, sin, run["pairing"]), rotate(k, cos, sin, run["pairing"])`,
    ),
    `        scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(hd))`,
    when(
      has('alibi'),
      `        if run["scheme"] == "alibi":  # ALiBi lowers each score by the head's slope x distance
            i = torch.arange(T)
            scores = scores - positions["slopes"][:, None, None] * (i[:, None] - i[None, :]).abs().float()`,
    ),
  );
}

export function modelSection(schemes, o) {
  const has = (name) => schemes.has(name);
  const tables = INPUT_TABLES.some(has);
  const norm = normSection(o.norm);
  return `# ---- The model: a small pre-norm transformer (no biases but LayerNorm's, exact GELU)

${norm}


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm1, self.norm2 = make_norm(), make_norm()
        self.qkv = nn.Linear(D_MODEL, 3 * D_MODEL, bias=False)  # queries | keys | values
        self.out = nn.Linear(D_MODEL, D_MODEL, bias=False)
        self.up = nn.Linear(D_MODEL, 4 * D_MODEL, bias=False)
        self.down = nn.Linear(4 * D_MODEL, D_MODEL, bias=False)

    def attention(self, x, allowed, run, positions):
        B, T, d = x.shape
        hd = d // HEADS
        q, k, v = self.qkv(x).split(d, dim=-1)
        q, k, v = (t.view(B, T, HEADS, hd).transpose(1, 2) for t in (q, k, v))  # (B, H, T, hd)
${scoreLines(has)}
        weights = scores.masked_fill(~allowed, float("-inf")).softmax(dim=-1)
        return self.out((weights @ v).transpose(1, 2).reshape(B, T, d))

    def forward(self, x, allowed, run, positions):
        x = x + self.attention(self.norm1(x), allowed, run, positions)
        return x + self.down(F.gelu(self.up(self.norm2(x))))


class Model(nn.Module):
    def __init__(self, run):
        super().__init__()
        self.run = run
        rows = max(TRAINING_LENGTH, EVALUATION_LENGTH)  # every position a sequence can reach
        self.token_embedding = nn.Embedding(VOCABULARY, D_MODEL)
${lines(
  when(
    has('learned'),
    `        # Learned positions (GPT-2's wpe): a trained table, one row per position.
        self.position_table = nn.Parameter(torch.zeros(rows, D_MODEL)) if run["scheme"] == "learned" else None`,
  ),
  when(tables, `        self.table = input_table(run, rows, D_MODEL)  # a fixed table, or None`),
  `        self.positions = {}`,
  when(
    has('rope'),
    `        if run["scheme"] == "rope":
            self.positions["rope"] = rope_tables(run, rows, D_MODEL // HEADS)`,
  ),
  when(
    has('alibi'),
    `        if run["scheme"] == "alibi":
            self.positions["slopes"] = alibi_slopes(HEADS)`,
  ),
)}
        self.layers = nn.ModuleList(Block() for _ in range(LAYERS))
        self.final_norm = make_norm()
        self.output = nn.Linear(D_MODEL, CLASSES, bias=False)

    def forward(self, tokens, lengths):
        """Logits (B, T, CLASSES) for padded tokens (B, T) of the given lengths."""
        T = tokens.shape[1]
        x = self.token_embedding(tokens)
${lines(
  when(
    tables,
    `        if self.table is not None:
            x = x + self.table[:T]`,
  ),
  when(
    has('learned'),
    `        if self.position_table is not None:
            x = x + self.position_table[:T]`,
  ),
)}
        i = torch.arange(T)
        allowed = (i[None, :] < lengths[:, None])[:, None, None, :]  # keys that are tokens, not padding
        if CAUSAL:
            allowed = allowed & (i[None, :] <= i[:, None])  # and none after the query
        for block in self.layers:
            x = block(x, allowed, self.run, self.positions)
        return self.output(self.final_norm(x))


${WEIGHTS}`;
}
