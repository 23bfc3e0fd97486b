"""TF's error texts for the array ops: the eager ``InvalidArgumentError`` forms, the
table of TF op signatures quoted when an input's dtype is not allowed, and the
dtype/shape spellings those messages use."""
from __future__ import annotations

import re

import numpy as np
import torch

from ..framework import dtypes
from ..framework import device as _device
from ..framework.device import tf_device_string
from ..framework.errors import InvalidArgumentError


_TYPE_NAMES = {"float32": "float", "float64": "double", "float16": "half"}


def _device_of(storage):
    return storage.device if isinstance(storage, torch.Tensor) else torch.device("cpu")


def _err(op, text, storage=None, name=None, kernel=None):
    """TF's eager ``InvalidArgumentError`` for kernel failures: ``name`` is the
    text after ``name:`` (``None`` when TF prints no name part)."""
    device = tf_device_string(_device_of(storage) if storage is not None else _device.current())
    suffix = "" if name is None else " name: " + name
    return InvalidArgumentError(None, None, "{{function_node __wrapped__%s_device_%s}} %s [Op:%s]%s"
                                % (kernel or op, device, text, op, suffix))


# TF's op signatures, quoted in its errors for inputs of a dtype the kernel does not accept.
_SIGNATURES = {
    'Reshape': 'signature=tensor:T, shape:Tshape -> output:T; attr=T:type; attr=Tshape:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'Transpose': 'signature=x:T, perm:Tperm -> y:T; attr=T:type; attr=Tperm:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'Tile': 'signature=input:T, multiples:Tmultiples -> output:T; attr=T:type; attr=Tmultiples:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'BroadcastTo': 'signature=input:T, shape:Tidx -> output:T; attr=T:type; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'ReverseV2': 'signature=tensor:T, axis:Tidx -> output:T; attr=Tidx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]; attr=T:type,allowed=[DT_UINT8, DT_INT8, DT_UINT16, DT_INT16, DT_INT32, DT_UINT32, DT_INT64, DT_UINT64, DT_BOOL, DT_BFLOAT16, DT_HALF, DT_FLOAT, DT_DOUBLE, DT_COMPLEX64, DT_COMPLEX128, DT_STRING]',
    'GatherV2': 'signature=params:Tparams, indices:Tindices, axis:Taxis -> output:Tparams; attr=batch_dims:int,default=0; attr=Tparams:type; attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; attr=Taxis:type,allowed=[DT_INT32, DT_INT64]',
    'GatherNd': 'signature=params:Tparams, indices:Tindices -> output:Tparams; attr=Tparams:type; attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; attr=bad_indices_policy:string,default=""',
    'OneHot': 'signature=indices:TI, depth:int32, on_value:T, off_value:T -> output:T; attr=axis:int,default=-1; attr=T:type; attr=TI:type,default=DT_INT64,allowed=[DT_UINT8, DT_INT8, DT_INT32, DT_INT64]',
    'Shape': 'signature=input:T -> output:out_type; attr=T:type; attr=out_type:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'ShapeN': 'signature=input:N*T -> output:N*out_type; attr=N:int,min=1; attr=T:type; attr=out_type:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'Neg': 'signature=x:T -> y:T; attr=T:type,allowed=[DT_BFLOAT16, DT_HALF, DT_FLOAT, DT_DOUBLE, DT_INT8, DT_INT16, DT_INT32, DT_INT64, DT_COMPLEX64, DT_COMPLEX128]',
    'TensorScatterUpdate': 'signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64, DT_UINT16]; attr=bad_indices_policy:string,default=""',
    'TensorScatterAdd': 'signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; attr=bad_indices_policy:string,default=""',
    'TensorScatterSub': 'signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; attr=bad_indices_policy:string,default=""',
    'TensorScatterMax': 'signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; attr=bad_indices_policy:string,default=""',
    'TensorScatterMin': 'signature=tensor:T, indices:Tindices, updates:T -> output:T; attr=T:type; attr=Tindices:type,allowed=[DT_INT32, DT_INT64]; attr=bad_indices_policy:string,default=""',
    'ScatterNd': 'signature=indices:Tindices, updates:T, shape:Tindices -> output:T; attr=T:type; attr=Tindices:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; attr=bad_indices_policy:string,default=""',
    'Pad': 'signature=input:T, paddings:Tpaddings -> output:T; attr=T:type; attr=Tpaddings:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'MirrorPad': 'signature=input:T, paddings:Tpaddings -> output:T; attr=T:type; attr=Tpaddings:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]; attr=mode:string,allowed=["REFLECT", "SYMMETRIC"]',
    'Slice': 'signature=input:T, begin:Index, size:Index -> output:T; attr=T:type; attr=Index:type,allowed=[DT_INT32, DT_INT64]',
    'OnesLike': 'signature=x:T -> y:T; attr=T:type,allowed=[DT_BFLOAT16, DT_HALF, DT_FLOAT, DT_DOUBLE, DT_INT8, DT_UINT8, DT_INT16, DT_UINT16, DT_INT32, DT_UINT32, DT_INT64, DT_UINT64, DT_COMPLEX64, DT_COMPLEX128, DT_BOOL]',
    'Split': 'signature=split_dim:int32, value:T -> output:num_split*T; attr=num_split:int,min=1; attr=T:type',
    'ExpandDims': 'signature=input:T, dim:Tdim -> output:T; attr=T:type; attr=Tdim:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'Fill': 'signature=dims:index_type, value:T -> output:T; attr=T:type; attr=index_type:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'Unique': 'signature=x:T -> y:T, idx:out_idx; attr=T:type; attr=out_idx:type,default=DT_INT32,allowed=[DT_INT32, DT_INT64]',
    'SplitV': 'signature=value:T, size_splits:Tlen, split_dim:int32 -> output:num_split*T; attr=num_split:int,min=1; attr=T:type; attr=Tlen:type,default=DT_INT64,allowed=[DT_INT8, DT_INT32, DT_INT64]',
    'StridedSlice': 'signature=input:T, begin:Index, end:Index, strides:Index -> output:T; attr=T:type; attr=Index:type,allowed=[DT_INT16, DT_INT32, DT_INT64]; attr=begin_mask:int,default=0; attr=end_mask:int,default=0; attr=ellipsis_mask:int,default=0; attr=new_axis_mask:int,default=0; attr=shrink_axis_mask:int,default=0',
}


def _allowed(op, attr):
    found = re.search(r"attr=%s:type,(?:default=\w+,)?allowed=\[([^\]]*)\]" % attr, _SIGNATURES[op])
    names = [n.strip()[3:].lower() for n in found.group(1).split(",")]
    return ", ".join(_TYPE_NAMES.get(n, n) for n in names)


def _attr_err(op, attr, storage, name=None, dtype_name=None):
    """TF's error for an input whose dtype the op does not accept (with TF's NodeDef text)."""
    suffix = "" if name is None else " name: " + name
    if op not in _SIGNATURES:
        return InvalidArgumentError(None, None, "Value for attr '%s' of %s is not in the list of allowed values: int32, int64 [Op:%s]%s"
                                    % (attr, dtype_name or _type_name(storage), op, suffix))
    return InvalidArgumentError(None, None, "Value for attr '%s' of %s is not in the list of allowed values: %s\n\t; NodeDef: {{node %s}}; Op<name=%s; %s> [Op:%s]%s"
                                % (attr, dtype_name or _type_name(storage), _allowed(op, attr), op, op, _SIGNATURES[op], op, suffix))


def _type_name(storage):
    dtype = _dtype(storage)
    return _TYPE_NAMES.get(dtype.name, dtype.name)


def _dtype(storage):
    return dtypes.string if isinstance(storage, np.ndarray) else dtypes.from_torch(storage.dtype)


def _mismatch(op, index, expected, got, name=""):
    return InvalidArgumentError(None, None, "cannot compute %s as input #%d(zero-based) was expected to be a %s tensor but is a %s tensor [Op:%s]%s"
                                % (op, index, _type_name(expected), _type_name(got), op, "" if name is None else " name: " + name))


def _dims_text(shape):
    return "[%s]" % ",".join(str(d) for d in shape)


def _index_text(flat_position, shape):
    if not shape:
        return ""
    coords = np.unravel_index(flat_position, shape)
    return "[%s]" % ",".join(str(int(c)) for c in coords)
