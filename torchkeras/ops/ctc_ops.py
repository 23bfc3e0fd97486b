"""``tf.nn.ctc_loss`` (dense labels) and ``tf.nn.ctc_greedy_decoder``.

``ctc_loss`` follows TF's ``ctc_loss_dense``: the logits' ``log_softmax`` (float16/bfloat16 in
float32), the blank moved to ``blank_index`` (default 0; negative counts from the end), labels
padded past ``label_length``; torch's CTC gives the negative log likelihood per batch entry and
its gradient (``softmax - posterior``, zero past ``logit_length``, as TF's custom gradient).
Differences: no ``SparseTensor`` labels; an impossible
alignment (too few frames, or ``label_length`` past the labels' width) gives ``inf`` where TF's
dense algorithm returns a large finite value (about 709); labels outside ``[0, classes)`` are
undefined in both (TF's one-hot drops them, torch's CTC reads out of range).

``ctc_greedy_decoder`` returns TF's ``([decoded], neg_sum_logits)``; ``decoded`` is a
``tf.SparseTensor`` (int64 values at ``[batch, position]``, row-major).
"""

from __future__ import annotations


import numpy as np
import torch
import torch.nn.functional as F

from ..api_export import tf_export
from ..framework.errors import FailedPreconditionError
from ..framework.op_errors import attr_error, input_dtype_error, op_error
from ..framework.sparse_tensor import SparseTensor
from ..framework.tensor import TensorOperators, wrap
from . import _window as W
from ._args import storage_of

__all__ = []

W.SIGNATURES["CTCGreedyDecoder"] = (
    "signature=inputs:T, sequence_length:int32 -> decoded_indices:int64, decoded_values:int64, "
    "decoded_shape:int64, log_probability:T; attr=merge_repeated:bool,default=false; "
    "attr=blank_index:int,default=-1; attr=T:type,default=DT_FLOAT,allowed=[DT_FLOAT, DT_DOUBLE]"
)
_LABEL_TYPES = (torch.uint8, torch.int8, torch.int32, torch.int64)


@tf_export("nn.ctc_loss")
def ctc_loss(
    labels,
    logits,
    label_length,
    logit_length,
    logits_time_major=True,
    unique=None,
    blank_index=None,
    name=None,
):
    """``tf.nn.ctc_loss`` with dense ``labels`` (``[batch, max_label_length]``, valid up to
    ``label_length``): the negative log probability of each label sequence under ``logits``
    (``[frames, batch, classes]``, or batch-major with ``logits_time_major=False``), frames
    past ``logit_length`` ignored.  ``unique`` (an optimisation in TF) is accepted and unused."""
    if logit_length is None:
        raise ValueError(
            "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) "
            "to a Tensor."
        )
    x = storage_of(logits)
    z = storage_of(labels)
    if z.dtype not in _LABEL_TYPES:
        raise attr_error("OneHot", z, attr="TI")
    if x.dtype == torch.float64:
        # TF's dense CTC multiplies by a float32 mask: float64 logits fail as in TF.
        raise input_dtype_error("Mul", 1, x, torch.zeros((), dtype=torch.float32))
    dtype = x.dtype
    work = x.float() if dtype in (torch.float16, torch.bfloat16) else x
    if x.ndim != 3:
        raise IndexError("tuple index out of range")
    if not logits_time_major:
        work = work.transpose(0, 1)
    frames, batch, classes = work.shape
    blank = 0 if blank_index is None else int(blank_index)
    blank = blank + classes if blank < 0 else blank
    label_lengths = storage_of(label_length).long().reshape(-1)
    logit_lengths = storage_of(logit_length).long().reshape(-1)
    for what, size in (
        ("labels", z.shape[0]),
        ("label_length", label_lengths.shape[0]),
        ("logit_length", logit_lengths.shape[0]),
    ):
        if size != batch:
            raise op_error(
                "Mul", "Incompatible shapes: [%d] vs. [%d] (%s)" % (batch, size, what), x
            )
    targets = z.long()
    longest = int(label_lengths.max()) if batch else 0
    if targets.shape[1] < longest:
        targets = F.pad(targets, (0, longest - targets.shape[1]))
    if blank != 0:
        # TF's own remapping: the blank class moved first, labels below it shifted up.
        order = [blank] + [c for c in range(classes) if c != blank]
        work = work[:, :, order]
        targets = torch.where(targets < blank, targets + 1, targets)
    log_probs = torch.log_softmax(work, -1)
    loss = F.ctc_loss(
        log_probs,
        targets,
        logit_lengths.clamp(max=frames),
        label_lengths,
        blank=0,
        reduction="none",
        zero_infinity=False,
    )
    return wrap(loss.to(dtype))


@tf_export("nn.ctc_greedy_decoder")
def ctc_greedy_decoder(inputs, sequence_length, merge_repeated=True, blank_index=None):
    """``tf.nn.ctc_greedy_decoder``: the best class of each frame of ``inputs``
    (``[max_time, batch, classes]``, first maximum on ties), repeats merged (when
    ``merge_repeated``) and blanks (``blank_index``, default the last class) dropped; returns
    ``([SparseTensor], neg_sum_logits)`` with ``neg_sum_logits[b] = -sum_t max(inputs[t, b])``
    (``[batch, 1]``)."""
    if not isinstance(inputs, (TensorOperators, torch.Tensor)):
        # The op's T defaults to float: non-tensor inputs other than float64 become float32.
        inputs = np.asarray(inputs)
        inputs = inputs if inputs.dtype == np.float64 else inputs.astype(np.float32)
    x = storage_of(inputs)
    if x.dtype not in (torch.float32, torch.float64):
        raise W.dtype_error("CTCGreedyDecoder", x, name_part=False)
    lengths = storage_of(sequence_length)
    if x.ndim != 3:
        raise op_error("CTCGreedyDecoder", "inputs is not a 3-Tensor", x, None)
    if lengths.ndim != 1:
        raise op_error("CTCGreedyDecoder", "sequence_length is not a vector", x, None)
    max_time, batch, classes = x.shape
    if lengths.shape[0] != batch:
        raise _precondition(
            "len(sequence_length) != batch_size.  len(sequence_length):  %d batch_size: %d"
            % (lengths.shape[0], batch),
            x,
        )
    blank = classes - 1 if blank_index is None else int(blank_index)
    if not -classes <= blank < classes:
        raise op_error(
            "CTCGreedyDecoder",
            "blank_index expected to be between %d and %d but was %d"
            % (-classes, classes - 1, blank),
            x,
            None,
        )
    blank = blank + classes if blank < 0 else blank
    steps = lengths.tolist()
    for b, steps_b in enumerate(steps):
        if steps_b > max_time:
            raise _precondition("sequence_length(%d) <= %d" % (b, max_time), x)
    best, best_class = x.max(-1)
    frame = torch.arange(max_time, device=x.device).unsqueeze(1)
    valid = frame < lengths.to(x.device).reshape(1, -1)
    log_probability = -torch.sum(torch.where(valid, best, torch.zeros_like(best)), 0, True).T
    decoded = _decode(best_class.T.tolist(), steps, blank, merge_repeated)
    indices = [[b, i] for b, seq in enumerate(decoded) for i in range(len(seq))]
    values = [v for seq in decoded for v in seq]
    longest = max((len(seq) for seq in decoded), default=0)
    sparse = SparseTensor(
        wrap(torch.tensor(indices, dtype=torch.int64).reshape(-1, 2)),
        wrap(torch.tensor(values, dtype=torch.int64)),
        wrap(torch.tensor([batch, longest], dtype=torch.int64)),
    )
    return [sparse], wrap(log_probability)


def _decode(classes, steps, blank, merge_repeated):
    """The decoded label list of each batch entry (host ints)."""
    out = []
    for row, count in zip(classes, steps):
        seq, previous = [], -1
        for c in row[: max(count, 0)]:
            if c != blank and not (merge_repeated and c == previous):
                seq.append(c)
            previous = c
        out.append(seq)
    return out


def _precondition(text, x):
    return FailedPreconditionError(None, None, op_error("CTCGreedyDecoder", text, x, None).message)
