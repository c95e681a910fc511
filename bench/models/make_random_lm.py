#!/usr/bin/python3
"""Writes a random-weight causal LM with SmolLM2-135M's shapes, as a Hugging Face ONNX export folder.

For `sift bench scoring` (bench/scoring/run.sh): no real weights can be downloaded, and the cost of a
forward pass depends on the shapes, not on the values. Run with Debian's python3 (python3-onnx and
python3-numpy), from the repository root:

    /usr/bin/python3 bench/models/make_random_lm.py [--out FOLDER] [--layers N] [--seed S]

The default folder is bench/out/models/random-smollm2-135m (git-ignored; about 560 MB at 30 layers:
never commit it). It receives model.onnx, tokenizer.json, config.json and generation_config.json.

Shapes (SmolLM2-135M): vocabulary 49152, hidden 576, 30 layers, 9 attention heads sharing 3 key/value
heads (grouped-query attention), head dim 64, SwiGLU MLP with intermediate size 1536, RMSNorm (eps 1e-5)
before attention, before the MLP and at the end, and an LM head tied to the token embeddings. Inputs
and outputs carry the Hugging Face names: input_ids, attention_mask, position_ids,
past_key_values.N.key/value ([batch, 3, past_len, 64]) -> logits, present.N.key/value.

One deliberate difference: positions are a learned table (8192 x 576, gathered by position_ids and
added to the token embeddings) instead of rotary embeddings. Rotary costs a few element-wise
operations per query and key, O(tokens x hidden) against the O(tokens x hidden^2) matrix products and
the O(tokens x hidden x vocab) LM head, so the pass costs the same to within noise, and the graph stays
simple. The weights are seeded normal values (std 0.02, norms 1), so the output is deterministic; the
predictions are meaningless, which a throughput benchmark does not mind.
"""

import argparse
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

VOCAB = 49152
HIDDEN = 576
LAYERS = 30
HEADS = 9
KV_HEADS = 3
HEAD_DIM = 64
INTERMEDIATE = 1536
MAX_POSITIONS = 8192
EPS = 1e-5
OPSET = 14
SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
BOS, EOS = 1, 2


def build(layers, seed):
    rng = np.random.default_rng(seed)

    def normal(*shape):
        return (0.02 * rng.standard_normal(shape, dtype=np.float32)).astype(np.float32)

    init, nodes = [], []

    def const(name, array):
        init.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def node(op, inputs, output, **attrs):
        nodes.append(helper.make_node(op, inputs, [output], **attrs))
        return output

    def rms_norm(x, prefix):
        weight = const(prefix + ".weight", np.ones(HIDDEN, dtype=np.float32))
        sq = node("Mul", [x, x], prefix + ".sq")
        mean = node("ReduceMean", [sq], prefix + ".mean", axes=[-1], keepdims=1)
        var = node("Add", [mean, "eps"], prefix + ".var")
        std = node("Sqrt", [var], prefix + ".std")
        normed = node("Div", [x, std], prefix + ".normed")
        return node("Mul", [normed, weight], prefix + ".out")

    const("eps", np.array(EPS, dtype=np.float32))
    const("scale", np.array(1.0 / np.sqrt(HEAD_DIM), dtype=np.float32))
    const("neg", np.array(-1e9, dtype=np.float32))
    const("shape_q", np.array([0, 0, KV_HEADS, HEADS // KV_HEADS, HEAD_DIM], dtype=np.int64))
    const("shape_kv", np.array([0, 0, KV_HEADS, HEAD_DIM], dtype=np.int64))
    const("shape_bsd", np.array([0, 0, HEADS * HEAD_DIM], dtype=np.int64))
    const("idx1_vec", np.array([1], dtype=np.int64))
    const("idx1", np.array(1, dtype=np.int64))
    const("axes_1_2_3", np.array([1, 2, 3], dtype=np.int64))
    const("axes_2", np.array([2], dtype=np.int64))
    embed = const("model.embed_tokens.weight", normal(VOCAB, HIDDEN))
    pos = const("model.embed_positions.weight", normal(MAX_POSITIONS, HIDDEN))

    tok_h = node("Gather", [embed, "input_ids"], "tok_h")
    pos_h = node("Gather", [pos, "position_ids"], "pos_h")
    h = node("Add", [tok_h, pos_h], "h0")

    # mask [b, 1, 1, s, t]: query i (absolute position past_len + i) sees key j when j <= i + past_len
    # and attention_mask[j] is 1
    node("Shape", ["input_ids"], "ids_shape")
    node("Shape", ["attention_mask"], "mask_shape")
    node("Gather", ["ids_shape", "idx1_vec"], "s_vec", axis=0)
    node("Gather", ["mask_shape", "idx1_vec"], "t_vec", axis=0)
    node("Gather", ["ids_shape", "idx1"], "s", axis=0)
    node("Gather", ["mask_shape", "idx1"], "t", axis=0)
    node("Sub", ["t", "s"], "past_len")
    node("Concat", ["s_vec", "t_vec"], "st", axis=0)
    node("ConstantOfShape", ["st"], "ones_st", value=numpy_helper.from_array(np.array([1.0], dtype=np.float32)))
    node("Trilu", ["ones_st", "past_len"], "causal_f", upper=0)
    node("Cast", ["causal_f"], "causal", to=TensorProto.BOOL)
    node("Cast", ["attention_mask"], "mask_b", to=TensorProto.BOOL)
    node("Unsqueeze", ["mask_b", "axes_1_2_3"], "mask_b111t")
    node("And", ["causal", "mask_b111t"], "allowed")

    group = HEADS // KV_HEADS
    for i in range(layers):
        p = "model.layers.%d" % i
        x = rms_norm(h, p + ".input_layernorm")
        wq = const(p + ".self_attn.q_proj.weight", normal(HIDDEN, HEADS * HEAD_DIM))
        wk = const(p + ".self_attn.k_proj.weight", normal(HIDDEN, KV_HEADS * HEAD_DIM))
        wv = const(p + ".self_attn.v_proj.weight", normal(HIDDEN, KV_HEADS * HEAD_DIM))
        wo = const(p + ".self_attn.o_proj.weight", normal(HEADS * HEAD_DIM, HIDDEN))
        # q [b, s, 9*64] -> [b, 3 kv heads, 3 queries per kv head, s, 64]
        q = node("MatMul", [x, wq], p + ".q")
        q = node("Reshape", [q, "shape_q"], p + ".q5")
        q = node("Transpose", [q], p + ".q_t", perm=[0, 2, 3, 1, 4])
        k_new, v_new = [], []
        for name, w in (("k", wk), ("v", wv)):
            y = node("MatMul", [x, w], p + "." + name)
            y = node("Reshape", [y, "shape_kv"], p + "." + name + "4")
            (k_new if name == "k" else v_new).append(
                node("Transpose", [y], p + "." + name + "_new", perm=[0, 2, 1, 3]))
        all_k = node("Concat", ["past_key_values.%d.key" % i, k_new[0]], "present.%d.key" % i, axis=2)
        all_v = node("Concat", ["past_key_values.%d.value" % i, v_new[0]], "present.%d.value" % i, axis=2)
        # [b, 3, t, 64] -> [b, 3, 1, 64, t] and [b, 3, 1, t, 64]: broadcast over the query group
        k5 = node("Unsqueeze", [all_k, "axes_2"], p + ".k5")
        k_t = node("Transpose", [k5], p + ".k_t", perm=[0, 1, 2, 4, 3])
        v5 = node("Unsqueeze", [all_v, "axes_2"], p + ".v5")
        scores = node("MatMul", [q, k_t], p + ".scores_raw")
        scores = node("Mul", [scores, "scale"], p + ".scores")
        scores = node("Where", ["allowed", scores, "neg"], p + ".scores_masked")
        probs = node("Softmax", [scores], p + ".probs", axis=-1)
        ctx = node("MatMul", [probs, v5], p + ".ctx5")
        ctx = node("Transpose", [ctx], p + ".ctx_t", perm=[0, 3, 1, 2, 4])
        ctx = node("Reshape", [ctx, "shape_bsd"], p + ".ctx")
        attn = node("MatMul", [ctx, wo], p + ".attn")
        h = node("Add", [h, attn], p + ".h_attn")
        x = rms_norm(h, p + ".post_attention_layernorm")
        gate = node("MatMul", [x, const(p + ".mlp.gate_proj.weight", normal(HIDDEN, INTERMEDIATE))], p + ".gate")
        up = node("MatMul", [x, const(p + ".mlp.up_proj.weight", normal(HIDDEN, INTERMEDIATE))], p + ".up")
        sig = node("Sigmoid", [gate], p + ".sig")
        act = node("Mul", [gate, sig], p + ".silu")
        act = node("Mul", [act, up], p + ".act")
        down = node("MatMul", [act, const(p + ".mlp.down_proj.weight", normal(INTERMEDIATE, HIDDEN))], p + ".down")
        h = node("Add", [h, down], p + ".h")
    h = rms_norm(h, "model.norm")
    lm_head = node("Transpose", [embed], "lm_head.weight", perm=[1, 0])  # tied; folded when the session loads
    node("MatMul", [h, lm_head], "logits")

    kv_in = ["batch_size", KV_HEADS, "past_sequence_length", HEAD_DIM]
    kv_out = ["batch_size", KV_HEADS, "total_sequence_length", HEAD_DIM]
    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "sequence_length"]),
        helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch_size", "total_sequence_length"]),
        helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["batch_size", "sequence_length"]),
    ]
    outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch_size", "sequence_length", VOCAB])]
    for i in range(layers):
        for kind in ("key", "value"):
            inputs.append(helper.make_tensor_value_info("past_key_values.%d.%s" % (i, kind), TensorProto.FLOAT, kv_in))
            outputs.append(helper.make_tensor_value_info("present.%d.%s" % (i, kind), TensorProto.FLOAT, kv_out))
    graph = helper.make_graph(nodes, "sift_random_smollm2_135m", inputs, outputs, init)
    model = helper.make_model(graph, producer_name="sift-make-random-lm", producer_version="1",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 8
    return model


def tokenizer_json():
    vocab = {tok: i for i, tok in enumerate(SPECIALS)}
    for i in range(len(SPECIALS), VOCAB):
        vocab["t%d" % i] = i
    added = [{"id": i, "content": tok, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for i, tok in enumerate(SPECIALS)]
    return {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None,
        "pre_tokenizer": {"type": "Whitespace"}, "post_processor": None, "decoder": None,
        "model": {"type": "WordLevel", "vocab": vocab, "unk_token": SPECIALS[0]},
    }


def config_json(layers, seed):
    return {
        "architectures": ["SiftRandomCausalLM"], "model_type": "sift-random-smollm2",
        "note": "random weights with SmolLM2-135M's shapes, learned positions instead of rotary; seed %d" % seed,
        "vocab_size": VOCAB, "hidden_size": HIDDEN, "num_hidden_layers": layers,
        "num_attention_heads": HEADS, "num_key_value_heads": KV_HEADS, "head_dim": HEAD_DIM,
        "intermediate_size": INTERMEDIATE, "rms_norm_eps": EPS, "tie_word_embeddings": True,
        "max_position_embeddings": MAX_POSITIONS, "bos_token_id": BOS, "eos_token_id": EOS,
        "torch_dtype": "float32",
    }


def write_json(path, obj):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, indent=1, sort_keys=True)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="bench/out/models/random-smollm2-135m")
    parser.add_argument("--layers", type=int, default=LAYERS)
    parser.add_argument("--seed", type=int, default=20261121)
    args = parser.parse_args()
    model = build(args.layers, args.seed)
    onnx.checker.check_model(model)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "model.onnx"), "wb") as f:
        f.write(model.SerializeToString())
    write_json(os.path.join(args.out, "tokenizer.json"), tokenizer_json())
    write_json(os.path.join(args.out, "config.json"), config_json(args.layers, args.seed))
    write_json(os.path.join(args.out, "generation_config.json"), {"bos_token_id": BOS, "eos_token_id": EOS})
    params = sum(int(np.prod(t.dims)) for t in model.graph.initializer)
    print("%s: %d layers, %.1f M parameters" % (args.out, args.layers, params / 1e6))


if __name__ == "__main__":
    main()
