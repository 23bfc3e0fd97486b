"""Runs a built-in cell over a whole sequence with torch's fused kernels (``torch._VF``: cuDNN on
CUDA).

Keras' masking semantics are kept for right-padded masks (every sample a run
of valid steps then padding): the valid part runs packed, the padded steps
repeat the last output (or zeros with ``zero_output_for_mask``), and the final
states are those after the last valid step.  ``go_backwards`` with such a mask
reverses each sample's valid part (Keras' reversed sequence starts with the
padding, which leaves the zero initial output).  The kernels' ``train`` flag follows
``torch.is_grad_enabled()`` (cuDNN keeps what its backward needs only in training mode; the
dropout between layers is 0, so the flag changes no result)."""

import torch
from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence

_KERNELS = {
    "lstm": torch._VF.lstm,
    "gru": torch._VF.gru,
    "rnn_tanh": torch._VF.rnn_tanh,
    "rnn_relu": torch._VF.rnn_relu,
}


def _dense(mode, x, states, params, has_biases):
    kernel = _KERNELS[mode]
    train = torch.is_grad_enabled()
    if mode == "lstm":
        out, h, c = kernel(
            x,
            (states[0].unsqueeze(0), states[1].unsqueeze(0)),
            params,
            has_biases,
            1,
            0.0,
            train,
            False,
            True,
        )
        return out, [h[0], c[0]]
    out, h = kernel(x, states[0].unsqueeze(0), params, has_biases, 1, 0.0, train, False, True)
    return out, [h[0]]


def _packed(mode, x, states, params, has_biases, lengths):
    kernel = _KERNELS[mode]
    packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
    order, restore = packed.sorted_indices, packed.unsorted_indices
    hx = [s.index_select(0, order).unsqueeze(0) for s in states]
    train = torch.is_grad_enabled()
    if mode == "lstm":
        data, h, c = kernel(
            packed.data,
            packed.batch_sizes,
            (hx[0], hx[1]),
            params,
            has_biases,
            1,
            0.0,
            train,
            False,
        )
        finals = [h, c]
    else:
        data, h = kernel(
            packed.data, packed.batch_sizes, hx[0], params, has_biases, 1, 0.0, train, False
        )
        finals = [h]
    out, _ = pad_packed_sequence(
        PackedSequence(data, packed.batch_sizes, order, restore),
        batch_first=True,
        total_length=x.shape[1],
    )
    return out, [f[0].index_select(0, restore) for f in finals]


def right_padded_lengths(mask):
    """The per-sample lengths of a ``(batch, time)`` boolean mask when it is right-padded with every
    sample non-empty, ``'full'`` when nothing is masked, else ``None`` (one host sync)."""
    steps = mask.shape[1]
    lengths = mask.sum(1)
    prefix = torch.arange(steps, device=mask.device) < lengths.unsqueeze(1)
    fits, full = torch.stack(
        [(prefix == mask).all() & (lengths > 0).all(), (lengths == steps).all()]
    ).tolist()
    if not fits:
        return None
    return "full" if full else lengths


def run(mode, x, states, params, has_biases, go_backwards, lengths, zero_output_for_mask):
    """``(sequence_outputs, last_output, final_states)`` in Keras' conventions (outputs in
    processing order, reversed time for ``go_backwards``); ``lengths`` from
    :func:`right_padded_lengths` or
    ``None``."""
    if lengths is None or isinstance(lengths, str):
        out, finals = _dense(mode, x.flip(1) if go_backwards else x, states, params, has_biases)
        return out, out[:, -1], finals
    steps = x.shape[1]
    time = torch.arange(steps, device=x.device).unsqueeze(0)
    last = (lengths - 1).unsqueeze(1)
    if go_backwards:
        x = x.gather(1, (last - time).clamp(min=0).unsqueeze(-1).expand(-1, -1, x.shape[-1]))
    out, finals = _packed(mode, x, states, params, has_biases, lengths.cpu())
    hidden = out.shape[-1]
    if go_backwards:
        shift = time - (steps - lengths).unsqueeze(1)
        out = out.gather(1, shift.clamp(min=0).unsqueeze(-1).expand(-1, -1, hidden)) * (
            shift >= 0
        ).unsqueeze(-1).to(out.dtype)
    elif not zero_output_for_mask:
        out = out.gather(1, torch.minimum(time, last).unsqueeze(-1).expand(-1, -1, hidden))
    last_output = out[:, -1] if zero_output_for_mask and not go_backwards else finals[0]
    return out, last_output, finals
