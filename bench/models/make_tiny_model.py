#!/usr/bin/python3
"""Writes a tiny causal language model in the shape of a Hugging Face ONNX export, for Sift's tests.

Run with Debian's python3 (python3-onnx and python3-numpy), from the repository root:

    /usr/bin/python3 bench/models/make_tiny_model.py [OUTPUT_FOLDER]

The default output folder is src/test/resources/dev/sift/core/llm/local/tiny. It receives:

  model.onnx              inputs input_ids, attention_mask, position_ids, past_key_values.0.key/value
                          ([batch, kv_heads, past_len, head_dim]); outputs logits, present.0.key/value
  fp16/model.onnx         the same graph with fp16 logits and an fp16 cache, as fp16 exports have
  tokenizer.json          a WordLevel tokenizer with a whitespace pre-tokenizer, <unk> and <s>
  config.json, generation_config.json
  reference.json          numpy logits-derived NLLs for a few sequences, a right-padded batch,
                          and a greedy continuation computed by repeated full forward passes

The model is one causal self-attention layer over token and position embeddings, added to a
count-based bigram table built from the small corpus below. The bigram term makes its predictions
readable; the attention term makes every logit depend on the whole prefix, the attention mask and
the position ids, so a wrong mask, wrong positions or a wrong cache shows up in the NLLs.

The output is deterministic: running the script twice writes identical bytes. It contains no
third-party weights, so the files can be committed and the tests need no install.
"""

import json
import os
import shutil
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

SPECIALS = ["<unk>", "<s>", "</s>", "<pad>"]
UNK, BOS, EOS, PAD = 0, 1, 2, 3

CORPUS = [
    "the cat sat on the mat .",
    "the dog ran in the house .",
    "a bird flew over the old tree .",
    "the fish swam in the river .",
    "a small cat sat under the big tree .",
    "the red bird flew in the blue sky .",
    "the sun shines every day and the moon shines at night .",
    "we like the green tree by the river .",
    "they see a quick dog and a slow cat .",
    "the old house is very big .",
    "it was a happy day , not a sad day .",
    "the cat is happy and the dog is sad .",
    "every morning the bird sings on the tree .",
    "we see the new moon at night .",
    "the dog sat by the water .",
    "a fish is in the water .",
    "they ran over the hill to the house .",
    "the happy cat ran .",
]

HIDDEN = 16
HEADS = 2
HEAD_DIM = 8
MAX_POSITIONS = 64
OPSET = 14


def vocabulary():
    words = []
    for line in CORPUS:
        for w in line.split():
            if w not in words:
                words.append(w)
    vocab = SPECIALS + words
    assert len(vocab) <= 64, len(vocab)
    filler = 0
    while len(vocab) < 64:
        vocab.append("word%d" % filler)  # never seen in the corpus: only smoothing mass
        filler += 1
    return vocab


def bigram_log_probs(vocab):
    index = {w: i for i, w in enumerate(vocab)}
    v = len(vocab)
    counts = np.zeros((v, v), dtype=np.float64)
    for line in CORPUS:
        ids = [BOS] + [index[w] for w in line.split()] + [EOS]
        for a, b in zip(ids, ids[1:]):
            counts[a, b] += 1.0
    probs = (counts + 0.1) / (counts.sum(axis=1, keepdims=True) + 0.1 * v)
    return np.log(probs).astype(np.float32)


def weights(vocab):
    rng = np.random.RandomState(20261121)
    v = len(vocab)
    return {
        "bigram": bigram_log_probs(vocab),
        "embed": rng.normal(0.0, 1.0, (v, HIDDEN)).astype(np.float32),
        "pos": (0.5 * rng.normal(0.0, 1.0, (MAX_POSITIONS, HIDDEN))).astype(np.float32),
        "wq": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, HEADS * HEAD_DIM)).astype(np.float32),
        "wk": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, HEADS * HEAD_DIM)).astype(np.float32),
        "wv": rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, HEADS * HEAD_DIM)).astype(np.float32),
        "wo": rng.normal(0.0, 0.2, (HEADS * HEAD_DIM, v)).astype(np.float32),
    }


def build_graph(w, fp16):
    """The ONNX graph. With fp16 the cache and the logits are float16; the arithmetic stays float32."""
    io_type = TensorProto.FLOAT16 if fp16 else TensorProto.FLOAT
    v = w["bigram"].shape[0]
    init = [numpy_helper.from_array(a, name) for name, a in sorted(w.items())]
    init += [
        numpy_helper.from_array(np.array([0, 0, HEADS, HEAD_DIM], dtype=np.int64), "shape_bshd"),
        numpy_helper.from_array(np.array([0, 0, HEADS * HEAD_DIM], dtype=np.int64), "shape_bsd"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "idx1_vec"),
        numpy_helper.from_array(np.array(1, dtype=np.int64), "idx1"),
        numpy_helper.from_array(np.array(1.0 / np.sqrt(HEAD_DIM), dtype=np.float32), "scale"),
        numpy_helper.from_array(np.array(-1e9, dtype=np.float32), "neg"),
    ]
    n = []

    def node(op, inputs, outputs, **attrs):
        n.append(helper.make_node(op, inputs, outputs, **attrs))

    # h = embed[input_ids] + pos[position_ids]
    node("Gather", ["embed", "input_ids"], ["tok_h"])
    node("Gather", ["pos", "position_ids"], ["pos_h"])
    node("Add", ["tok_h", "pos_h"], ["h"])
    for name in ("q", "k", "v"):
        node("MatMul", ["h", "w" + name], [name + "_flat"])
        node("Reshape", [name + "_flat", "shape_bshd"], [name + "_bshd"])
        node("Transpose", [name + "_bshd"], [name + "_new"], perm=[0, 2, 1, 3])
    past_k, past_v = "past_key_values.0.key", "past_key_values.0.value"
    if fp16:
        node("Cast", [past_k], ["past_k32"], to=TensorProto.FLOAT)
        node("Cast", [past_v], ["past_v32"], to=TensorProto.FLOAT)
        past_k, past_v = "past_k32", "past_v32"
    node("Concat", [past_k, "k_new"], ["all_k"], axis=2)
    node("Concat", [past_v, "v_new"], ["all_v"], axis=2)
    # causal mask: query i (absolute position past_len + i) sees key j when j <= i + past_len
    node("Shape", ["input_ids"], ["ids_shape"])
    node("Shape", ["attention_mask"], ["mask_shape"])
    node("Gather", ["ids_shape", "idx1_vec"], ["s_vec"], axis=0)
    node("Gather", ["mask_shape", "idx1_vec"], ["t_vec"], axis=0)
    node("Gather", ["ids_shape", "idx1"], ["s"], axis=0)
    node("Gather", ["mask_shape", "idx1"], ["t"], axis=0)
    node("Sub", ["t", "s"], ["past_len"])
    node("Concat", ["s_vec", "t_vec"], ["st"], axis=0)
    node("ConstantOfShape", ["st"], ["ones_st"],
         value=numpy_helper.from_array(np.array([1.0], dtype=np.float32)))
    node("Trilu", ["ones_st", "past_len"], ["causal_f"], upper=0)
    node("Cast", ["causal_f"], ["causal"], to=TensorProto.BOOL)
    node("Cast", ["attention_mask"], ["mask_b"], to=TensorProto.BOOL)
    node("Unsqueeze", ["mask_b", "axes_12"], ["mask_b11t"])
    init.append(numpy_helper.from_array(np.array([1, 2], dtype=np.int64), "axes_12"))
    node("And", ["causal", "mask_b11t"], ["allowed"])
    # attention
    node("Transpose", ["all_k"], ["k_t"], perm=[0, 1, 3, 2])
    node("MatMul", ["q_new", "k_t"], ["scores_raw"])
    node("Mul", ["scores_raw", "scale"], ["scores"])
    node("Where", ["allowed", "scores", "neg"], ["scores_masked"])
    node("Softmax", ["scores_masked"], ["probs"], axis=-1)
    node("MatMul", ["probs", "all_v"], ["ctx_bhsd"])
    node("Transpose", ["ctx_bhsd"], ["ctx_bshd"], perm=[0, 2, 1, 3])
    node("Reshape", ["ctx_bshd", "shape_bsd"], ["ctx"])
    node("MatMul", ["ctx", "wo"], ["ctx_logits"])
    node("Gather", ["bigram", "input_ids"], ["bigram_logits"])
    if fp16:
        node("Add", ["bigram_logits", "ctx_logits"], ["logits32"])
        node("Cast", ["logits32"], ["logits"], to=TensorProto.FLOAT16)
        node("Cast", ["all_k"], ["present.0.key"], to=TensorProto.FLOAT16)
        node("Cast", ["all_v"], ["present.0.value"], to=TensorProto.FLOAT16)
    else:
        node("Add", ["bigram_logits", "ctx_logits"], ["logits"])
        node("Identity", ["all_k"], ["present.0.key"])
        node("Identity", ["all_v"], ["present.0.value"])

    kv = ["batch_size", HEADS, "past_sequence_length", HEAD_DIM]
    kv_out = ["batch_size", HEADS, "total_sequence_length", HEAD_DIM]
    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "sequence_length"]),
        helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch_size", "total_sequence_length"]),
        helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["batch_size", "sequence_length"]),
        helper.make_tensor_value_info("past_key_values.0.key", io_type, kv),
        helper.make_tensor_value_info("past_key_values.0.value", io_type, kv),
    ]
    outputs = [
        helper.make_tensor_value_info("logits", io_type, ["batch_size", "sequence_length", v]),
        helper.make_tensor_value_info("present.0.key", io_type, kv_out),
        helper.make_tensor_value_info("present.0.value", io_type, kv_out),
    ]
    graph = helper.make_graph(n, "sift_tiny_causal_lm", inputs, outputs, init)
    model = helper.make_model(graph, producer_name="sift-make-tiny-model", producer_version="1",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def forward(w, input_ids, attention_mask, position_ids):
    """numpy float32 mirror of the graph, without a cache (past_len = 0)."""
    ids = np.asarray(input_ids, dtype=np.int64)
    mask = np.asarray(attention_mask, dtype=np.int64)
    pos = np.asarray(position_ids, dtype=np.int64)
    b, s = ids.shape
    h = w["embed"][ids] + w["pos"][pos]

    def heads(x):
        return x.reshape(b, s, HEADS, HEAD_DIM).transpose(0, 2, 1, 3)

    q, k, v = (heads(h @ w[name]) for name in ("wq", "wk", "wv"))
    scores = (q @ k.transpose(0, 1, 3, 2)) * np.float32(1.0 / np.sqrt(HEAD_DIM))
    causal = np.tril(np.ones((s, s), dtype=bool))
    allowed = causal[None, None, :, :] & (mask[:, None, None, :] != 0)
    scores = np.where(allowed, scores, np.float32(-1e9)).astype(np.float32)
    scores = scores - scores.max(axis=-1, keepdims=True)
    probs = np.exp(scores)
    probs = probs / probs.sum(axis=-1, keepdims=True)
    ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(b, s, HEADS * HEAD_DIM)
    return (w["bigram"][ids] + ctx @ w["wo"]).astype(np.float32)


def nll_from_logits(logits, ids, length):
    """nll[0] is undefined (None); nll[t] = -log_softmax(logits[t-1])[ids[t]] in float64."""
    out = [None]
    for t in range(1, length):
        row = logits[t - 1].astype(np.float64)
        m = row.max()
        lse = m + np.log(np.exp(row - m).sum())
        out.append(float(lse - row[ids[t]]))
    return out


def encode(vocab, text, add_bos):
    index = {w: i for i, w in enumerate(vocab)}
    ids = [index.get(word, UNK) for word in text.split()]
    return ([BOS] if add_bos else []) + ids


def single(w, ids):
    logits = forward(w, [ids], [[1] * len(ids)], [list(range(len(ids)))])[0]
    return logits


def reference(w, vocab):
    cases = [
        ("the cat sat on the mat .", True),
        ("the dog ran in the house", False),
        ("a red bird flew over the old tree and the sun shines at night .", True),
        ("the zebra sat on the mat", True),
    ]
    sequences = []
    for text, add_bos in cases:
        ids = encode(vocab, text, add_bos)
        logits = single(w, ids)
        sequences.append({"text": text, "add_bos": add_bos, "ids": ids,
                          "nll": nll_from_logits(logits, ids, len(ids)),
                          "last_logits": [float(x) for x in logits[-1]]})
    # the first three, right-padded into one batch
    batch_ids = [s["ids"] for s in sequences[:3]]
    width = max(len(x) for x in batch_ids)
    padded = [x + [PAD] * (width - len(x)) for x in batch_ids]
    mask = [[1] * len(x) + [0] * (width - len(x)) for x in batch_ids]
    positions = [list(range(width)) for _ in batch_ids]
    logits = forward(w, padded, mask, positions)
    batch_nll = [nll_from_logits(logits[i], padded[i], len(batch_ids[i])) for i in range(len(batch_ids))]
    for i, s in enumerate(sequences[:3]):
        for a, b in zip(s["nll"][1:], batch_nll[i][1:]):
            assert abs(a - b) < 1e-5, (a, b)
    # greedy continuation by repeated full forward passes, no stop token
    prompt = encode(vocab, "the cat", True)
    seq = list(prompt)
    for _ in range(12):
        seq.append(int(np.argmax(single(w, seq)[-1])))
    return {
        "note": "written by bench/models/make_tiny_model.py; do not edit",
        "sequences": sequences,
        "batch": {"input_ids": padded, "attention_mask": mask, "position_ids": positions, "nll": batch_nll},
        "greedy": {"prompt": prompt, "continuation": seq[len(prompt):]},
    }


def tokenizer_json(vocab):
    added = [{"id": i, "content": tok, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for i, tok in enumerate(SPECIALS)]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": None,
        "pre_tokenizer": {"type": "Whitespace"},
        "post_processor": None,
        "decoder": None,
        "model": {"type": "WordLevel", "vocab": {tok: i for i, tok in enumerate(vocab)}, "unk_token": "<unk>"},
    }


def config_json(vocab, fp16):
    return {
        "architectures": ["SiftTinyCausalLM"],
        "model_type": "sift-tiny",
        "vocab_size": len(vocab),
        "hidden_size": HIDDEN,
        "num_hidden_layers": 1,
        "num_attention_heads": HEADS,
        "num_key_value_heads": HEADS,
        "head_dim": HEAD_DIM,
        "max_position_embeddings": MAX_POSITIONS,
        "bos_token_id": BOS,
        "eos_token_id": EOS,
        "pad_token_id": PAD,
        "torch_dtype": "float16" if fp16 else "float32",
    }


def write_json(path, obj):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")


def write_folder(folder, w, vocab, fp16):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "model.onnx"), "wb") as f:
        f.write(build_graph(w, fp16).SerializeToString())
    write_json(os.path.join(folder, "tokenizer.json"), tokenizer_json(vocab))
    write_json(os.path.join(folder, "config.json"), config_json(vocab, fp16))
    write_json(os.path.join(folder, "generation_config.json"),
               {"bos_token_id": BOS, "eos_token_id": EOS, "do_sample": False, "max_new_tokens": 32})


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/dev/sift/core/llm/local/tiny"
    vocab = vocabulary()
    w = weights(vocab)
    if os.path.isdir(out):
        shutil.rmtree(out)
    write_folder(out, w, vocab, fp16=False)
    write_folder(os.path.join(out, "fp16"), w, vocab, fp16=True)
    write_json(os.path.join(out, "reference.json"), reference(w, vocab))


if __name__ == "__main__":
    main()
