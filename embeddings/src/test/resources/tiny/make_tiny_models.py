"""Writes the tiny ONNX models used by TinyModelTest (run from this directory: python make_tiny_models.py).

tiny-no-token-types.onnx: inputs input_ids and attention_mask only (no token_type_ids), output last_hidden_state of
shape [batch, sequence, hidden] with a symbolic hidden size; every token's vector is [input_id, mask, 1], so that
padding positions ([0, 0, 1]) change a mean that wrongly counts them.

tiny-extra-input.onnx: the same graph with one more input, position_ids, that an embedder cannot feed.

Needs: pip install onnx (written with onnx 1.23.2, opset 13, IR version 8).
"""
import onnx
from onnx import TensorProto, helper


def model(extra_input):
    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
        helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"]),
    ]
    if extra_input:
        inputs.append(helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["batch", "sequence"]))
    axes = helper.make_tensor("axes", TensorProto.INT64, [1], [2])
    zero = helper.make_tensor("zero", TensorProto.FLOAT, [], [0.0])
    one = helper.make_tensor("one", TensorProto.FLOAT, [], [1.0])
    nodes = [
        helper.make_node("Cast", ["input_ids"], ["ids_f"], to=TensorProto.FLOAT),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Mul", ["ids_f", "zero"], ["zeros_f"]),
        helper.make_node("Add", ["zeros_f", "one"], ["ones_f"]),
        helper.make_node("Unsqueeze", ["ids_f", "axes"], ["ids_3d"]),
        helper.make_node("Unsqueeze", ["ones_f", "axes"], ["ones_3d"]),
        helper.make_node("Unsqueeze", ["mask_f", "axes"], ["mask_3d"]),
        helper.make_node("Concat", ["ids_3d", "mask_3d", "ones_3d"], ["last_hidden_state"], axis=2),
    ]
    output = helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", "hidden"])
    graph = helper.make_graph(nodes, "tiny", inputs, [output], initializer=[axes, zero, one])
    result = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], ir_version=8)
    onnx.checker.check_model(result)
    return result


onnx.save(model(False), "tiny-no-token-types.onnx")
onnx.save(model(True), "tiny-extra-input.onnx")
