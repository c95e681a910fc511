#!/usr/bin/python3
"""Writes the small ONNX graphs with which Sift turns a causal LM's logits into per-token losses.

Run with Debian's python3 (python3-onnx), from the repository root:

    /usr/bin/python3 bench/models/make_nll_graph.py [OUTPUT_FOLDER]

The default output folder is src/main/resources/dev/sift/core/llm/local. It receives

  nll-float32.onnx   for float32 logits
  nll-float16.onnx   for float16 logits, cast to float32 first
  nll-bfloat16.onnx  for bfloat16 logits, cast to float32 first

Both take
  logits   [batch, length, vocab]  the model's output, fed to this graph as it is (it never leaves
                                   ONNX Runtime's memory)
  targets  int64 [batch, length]   the id that position t predicts, i.e. ids[t + 1]; 0 where nothing is
                                   predicted (the last token, padding), and those outputs are ignored
and give
  nll      float32 [batch, length] -log_softmax(logits, axis=-1)[targets]

so only batch x length floats come back to Java instead of batch x length x vocab. All dimensions are
dynamic. The output is deterministic: running the script twice writes identical bytes.
"""

import os
import sys

import onnx
from onnx import TensorProto, helper

OPSET = 13


def graph(logits_type, suffix):
    logits = helper.make_tensor_value_info("logits", logits_type, ["batch", "length", "vocab"])
    targets = helper.make_tensor_value_info("targets", TensorProto.INT64, ["batch", "length"])
    nll = helper.make_tensor_value_info("nll", TensorProto.FLOAT, ["batch", "length"])
    last_axis = helper.make_tensor("last_axis", TensorProto.INT64, [1], [-1])
    nodes = []
    source = "logits"
    if logits_type != TensorProto.FLOAT:
        nodes.append(helper.make_node("Cast", ["logits"], ["logits_f32"], to=TensorProto.FLOAT))
        source = "logits_f32"
    nodes += [
        helper.make_node("LogSoftmax", [source], ["log_probs"], axis=-1),
        helper.make_node("Unsqueeze", ["targets", "last_axis"], ["target_index"]),
        helper.make_node("GatherElements", ["log_probs", "target_index"], ["picked"], axis=-1),
        helper.make_node("Squeeze", ["picked", "last_axis"], ["log_prob"]),
        helper.make_node("Neg", ["log_prob"], ["nll"]),
    ]
    body = helper.make_graph(nodes, "sift_token_nll_" + suffix, [logits, targets], [nll], [last_axis])
    model = helper.make_model(body, producer_name="sift", opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 7
    onnx.checker.check_model(model, full_check=True)
    return model


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "src/main/resources/dev/sift/core/llm/local"
    os.makedirs(out, exist_ok=True)
    for logits_type, suffix in ((TensorProto.FLOAT, "float32"), (TensorProto.FLOAT16, "float16"),
                                (TensorProto.BFLOAT16, "bfloat16")):
        path = os.path.join(out, "nll-%s.onnx" % suffix)
        with open(path, "wb") as f:
            f.write(graph(logits_type, suffix).SerializeToString())
        print(path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
