"""framework/op_errors.py: TF's eager error layout, and its signature table against TF's ops."""

import re

import numpy as np
import pytest
import torch

import torchkeras as tf
from torchkeras.framework.op_errors import (
    SIGNATURES,
    allowed_dtypes,
    attr_error,
    cannot_convert,
    dims_text,
    eager_name,
    input_dtype_error,
    op_error,
    translate_error,
    type_name,
)

CPU = "/job:localhost/replica:0/task:0/device:CPU:0"


def test_op_error_layouts():
    a = torch.zeros(2)
    assert str(op_error("Abs", "bad", a)) == (
        "{{function_node __wrapped__Abs_device_%s}} bad [Op:Abs] name: " % CPU
    )
    assert str(op_error("ConcatV2", "bad", a, "concat", "ConcatV2_N_2")) == (
        "{{function_node __wrapped__ConcatV2_N_2_device_%s}} bad [Op:ConcatV2] name: concat" % CPU
    )
    assert str(op_error("MatMul", "bad", a, kernel="_MklMatMul", name=None)) == (
        "{{function_node __wrapped____MklMatMul_device_%s}} bad [Op:MatMul]" % CPU
    )
    assert str(op_error("Pad", "bad", wrapped=False)) == "bad [Op:Pad] name: "
    assert isinstance(op_error("Pad", "bad"), tf.errors.InvalidArgumentError)


def test_type_names_and_dims():
    floats = (torch.float32, torch.float64, torch.float16)
    assert [type_name(torch.zeros(1, dtype=d)) for d in floats] == ["float", "double", "half"]
    assert type_name(tf.int32) == "int32" and type_name(np.array([b"a"], dtype=object)) == "string"
    assert dims_text(torch.Size([2, 3])) == "[2,3]" and dims_text(()) == "[]"
    assert str(cannot_convert(1.5, tf.int32)) == "Cannot convert 1.5 to EagerTensor of dtype int32"


def test_input_dtype_error_text():
    error = input_dtype_error("AddV2", 1, torch.zeros(1), torch.zeros(1, dtype=torch.float64))
    assert str(error) == (
        "cannot compute AddV2 as input #1(zero-based) was expected to be a float "
        "tensor but is a double tensor [Op:AddV2] name: "
    )


def test_allowed_dtypes_reads_the_signature():
    assert allowed_dtypes("Sqrt") == frozenset(
        (
            torch.bfloat16,
            torch.float16,
            torch.float32,
            torch.float64,
            torch.complex64,
            torch.complex128,
        )
    )
    assert "int16, int32, int64" in str(attr_error("GatherV2", "float", "Tindices"))


def test_translate_error_shapes():
    a, b = torch.zeros(2, 2), torch.zeros(3)
    try:
        a + b
    except RuntimeError as error:
        text = str(translate_error(error, "AddV2", a, b))
    assert text.endswith("Incompatible shapes: [2,2] vs. [3] [Op:AddV2] name: ")


_EXTRA = {"CheckNumerics": {"message": "m"}, "Bitcast": {"type": "int8"}}
# Ops whose texts torchkeras quotes as the public function raises them: ``tf.bitcast`` ends
# its error with `` name: ``, the raw op without (checked in tests/ops/test_bitcast_ops.py).
_PUBLIC_NAME_SUFFIX = {"Bitcast"}


def _bool_rejecting_ops():
    for op, sig in sorted(SIGNATURES.items()):
        inputs = [p.split(":") for p in re.match(r"signature=(.*?) -> ", sig).group(1).split(", ")]
        allowed = re.search(r"attr=T:type(?:,default=\w+)?,allowed=\[([^\]]*)\]", sig)
        if all(t == "T" for _, t in inputs) and allowed and "BOOL" not in allowed.group(1):
            yield op, [n for n, _ in inputs]


@pytest.mark.parametrize("op, names", list(_bool_rejecting_ops()))
def test_signatures_match_tf(op, names):
    """Each signature, as quoted in the attr error, is TF's own text for that op."""
    tf_real = pytest.importorskip("tensorflow")
    kwargs = {n: tf_real.constant([True]) for n in names}
    kwargs.update(_EXTRA.get(op, {}))
    with pytest.raises(Exception) as raised:
        getattr(tf_real.raw_ops, op)(**kwargs)
    expected = str(raised.value) + (" name: " if op in _PUBLIC_NAME_SUFFIX else "")
    assert str(attr_error(op, "bool")) == expected


def test_eager_name_is_empty_for_tensor_inputs_only():
    assert eager_name(tf.constant(1.0), tf.constant([2])) == ""
    assert eager_name(tf.constant(1.0), [2.0]) is None
    assert eager_name(b"x") is None
