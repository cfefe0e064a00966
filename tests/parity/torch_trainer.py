"""The training lab's model written again in PyTorch, from the definitions rather than from the
C++ code: the reference the core is held to (trainer-parity.py) and the baseline it is timed
against (tests/bench/trainer-bench.py). Float32, batches padded to their longest sequence.

Conventions, as src/training/ documents them: weights (in, out) applied as x @ W; queries, keys,
values in one (d, 3d) matrix, head h in columns h*hd .. of each; pre-norm (RMSNorm or LayerNorm,
eps 1e-5); GELU exact (erf); no biases but LayerNorm's; cross-entropy over labelled positions.
Positions are first + t for token t. The position schemes are computed here from their formulas:
integer (p in every dimension), binary (bit i of p), sinusoidal (sin, cos of p w_k, w_k =
base^(-2k/d), interleaved or split), RoPE (pairs (2j, 2j+1) or (j, j + hd/2) turned by p theta_j,
theta_j = base^(-2j/hd)), ALiBi (-m_h |i - j|, Press et al.'s slopes), learned (a trained table).
"""
import math

import torch
import torch.nn.functional as F

EPS = 1e-5


def alibi_slopes(heads):
    """Press et al.: 2^(-8h/n) for n a power of two; otherwise those of the lower power of two,
    then every other slope of the next power's sequence."""
    def power_of_two(n):
        return [2.0 ** (-8.0 * (h + 1) / n) for h in range(n)]
    lower = 2 ** int(math.floor(math.log2(heads)))
    slopes = power_of_two(lower)
    if lower < heads:
        slopes += power_of_two(2 * lower)[0::2][: heads - lower]
    return slopes


def input_table(scheme, options, first, rows, d):
    """The constant table an input scheme adds, (rows, d) float32, or None."""
    p = torch.arange(first, first + rows, dtype=torch.float64)[:, None]
    if scheme == "integer":
        return p.repeat(1, d).float()
    if scheme == "binary":
        bits = torch.arange(d, dtype=torch.int64)
        return ((p.long() >> bits) & 1).float()
    if scheme == "sinusoidal":
        w = options["base"] ** (-2.0 * torch.arange(d // 2, dtype=torch.float64) / d)
        angle = p * w
        table = torch.empty(rows, d, dtype=torch.float64)
        if options["layout"] == "split":
            table[:, : d // 2], table[:, d // 2:] = torch.sin(angle), torch.cos(angle)
        else:
            table[:, 0::2], table[:, 1::2] = torch.sin(angle), torch.cos(angle)
        return table.float()
    return None


def rope_tables(options, first, rows, hd):
    """cos and sin of p theta_j, (rows, hd/2) float32, angles formed in float64."""
    p = torch.arange(first, first + rows, dtype=torch.float64)[:, None]
    theta = options["base"] ** (-2.0 * torch.arange(hd // 2, dtype=torch.float64) / hd)
    return torch.cos(p * theta).float(), torch.sin(p * theta).float()


def rotate(x, cos, sin, pairing):
    """x (B, H, T, hd): each pair (a, b) becomes (a cos - b sin, a sin + b cos)."""
    if pairing == "half":
        a, b = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2:]
        return torch.cat([a * cos - b * sin, a * sin + b * cos], dim=-1)
    a, b = x[..., 0::2], x[..., 1::2]
    return torch.stack([a * cos - b * sin, a * sin + b * cos], dim=-1).flatten(-2)


class Model(torch.nn.Module):
    def __init__(self, options, shape, tensors, values, rows):
        super().__init__()
        self.options, self.shape = options, shape
        self.params = torch.nn.ParameterDict()
        self.decayed = set()
        for t in tensors:
            count = t["rows"] * t["cols"]
            if count == 0:
                continue
            data = torch.tensor(values[t["offset"]: t["offset"] + count], dtype=torch.float32)
            size = (t["cols"],) if t["rows"] == 1 else (t["rows"], t["cols"])
            key = t["name"].replace(".", "_")
            self.params[key] = torch.nn.Parameter(data.reshape(size))
            if t["decayed"]:
                self.decayed.add(key)
        first, scheme, d, hd = options["firstPosition"], options["scheme"], shape["dModel"], shape["dModel"] // shape["heads"]
        self.table = input_table(scheme, options, first, rows, d)
        self.rope = rope_tables(options, first, rows, hd) if scheme == "rope" else None
        self.slopes = torch.tensor(alibi_slopes(shape["heads"])) if scheme == "alibi" else None

    def p(self, name):
        return self.params[name.replace(".", "_")]

    def norm(self, x, prefix):
        if self.shape["norm"] == "layer":
            return F.layer_norm(x, (x.shape[-1],), self.p(prefix + ".gain"), self.p(prefix + ".bias"), EPS)
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + EPS) * self.p(prefix + ".gain")

    def attention(self, x, layer, lengths):
        B, T, d = x.shape
        H = self.shape["heads"]
        hd = d // H
        q, k, v = (x @ self.p(f"layers.{layer}.qkv")).split(d, dim=-1)
        q, k, v = (t.view(B, T, H, hd).transpose(1, 2) for t in (q, k, v))
        if self.rope is not None:
            cos, sin = (t[:T] for t in self.rope)
            q, k = rotate(q, cos, sin, self.options["pairing"]), rotate(k, cos, sin, self.options["pairing"])
        scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(hd))
        i = torch.arange(T)
        if self.slopes is not None:
            scores = scores - self.slopes[:, None, None] * (i[:, None] - i[None, :]).abs().float()
        allowed = i[None, :] < lengths[:, None]  # (B, T): real keys
        allowed = allowed[:, None, None, :].expand(B, 1, T, T)
        if self.shape["causal"]:
            allowed = allowed & (i[None, :] <= i[:, None])
        weights = scores.masked_fill(~allowed, float("-inf")).softmax(dim=-1)
        context = (weights @ v).transpose(1, 2).reshape(B, T, d)
        return context @ self.p(f"layers.{layer}.out")

    def forward(self, tokens, lengths):
        x = self.p("token_embedding")[tokens]
        T = tokens.shape[1]
        if self.table is not None:
            x = x + self.table[:T]
        if self.options["scheme"] == "learned":
            x = x + self.p("position_table")[:T]
        for layer in range(self.shape["layers"]):
            x = x + self.attention(self.norm(x, f"layers.{layer}.norm1"), layer, lengths)
            hidden = F.gelu(self.norm(x, f"layers.{layer}.norm2") @ self.p(f"layers.{layer}.up"))
            x = x + hidden @ self.p(f"layers.{layer}.down")
        return self.norm(x, "final_norm") @ self.p("output")


def pad(batch):
    """The core's packed batch as (B, T) tokens and labels (-1: none) and lengths."""
    lengths = batch["lengths"]
    T = max(lengths)
    tokens = torch.zeros(len(lengths), T, dtype=torch.long)
    labels = torch.full((len(lengths), T), -1, dtype=torch.long)
    offset = 0
    for b, n in enumerate(lengths):
        tokens[b, :n] = torch.tensor(batch["tokens"][offset: offset + n])
        labels[b, :n] = torch.tensor(batch["labels"][offset: offset + n])
        offset += n
    return tokens, labels, torch.tensor(lengths)


def learning_rate_at(i, options):
    """Linear warm-up, then a cosine from the peak towards 0 (src/training/optimizer.hpp)."""
    peak, warmup, steps = options["learningRate"], options["warmupSteps"], options["steps"]
    if i < warmup:
        return peak * (i + 1) / warmup
    return peak * 0.5 * (1.0 + math.cos(math.pi * (i - warmup) / (steps - warmup)))


def optimizer_for(model, options):
    decayed = [p for k, p in model.params.items() if k in model.decayed]
    others = [p for k, p in model.params.items() if k not in model.decayed]
    return torch.optim.AdamW(
        [{"params": decayed, "weight_decay": options["weightDecay"]}, {"params": others, "weight_decay": 0.0}],
        lr=options["learningRate"], betas=(options["beta1"], options["beta2"]), eps=options["epsilon"])


def train_step(model, optimizer, i, tokens, labels, lengths, options):
    """One step as the core runs it; returns the loss before the update."""
    for group in optimizer.param_groups:
        group["lr"] = learning_rate_at(i, options)
    optimizer.zero_grad()
    logits = model(tokens, lengths)
    loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1), ignore_index=-1)
    loss.backward()
    if options["clipNorm"] > 0:
        torch.nn.utils.clip_grad_norm_(model.parameters(), options["clipNorm"])
    optimizer.step()
    return loss.item()
