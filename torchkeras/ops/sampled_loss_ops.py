"""``tf.nn.nce_loss`` and ``tf.nn.sampled_softmax_loss`` (TF's ``_compute_sampled_logits``).

Given ``sampled_values`` (``sampled``, ``true_expected_count``, ``sampled_expected_count``)
everything is deterministic and follows TF: the rows of the true and sampled classes (``weights``
/ ``biases`` may be lists of "div" partitions, as TF 2), the logits minus ``log(expected
count)``, accidental hits (a sampled class that is one of the row's labels) pushed down by
``-FLT_MAX``, then sigmoid (``nce_loss``) or softmax cross entropy.  Without ``sampled_values``
the classes are drawn as TF's ``log_uniform_candidate_sampler`` with ``unique=True`` draws
them (``P(c) = log((c + 2) / (c + 1)) / log(num_classes + 1)``, distinct classes, expected
counts ``-expm1(tries * log1p(-P(c)))``), from torch's generator: the same distribution as TF,
not TF's random stream.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from ..api_export import tf_export
from ..framework.op_errors import op_error
from ..framework.tensor import TensorOperators, wrap
from ._args import storage_of
from .random_ops import _generator as random_generator

__all__ = []

_FLT_MAX = float(np.finfo(np.float32).max)


def _table(params):
    """One table from ``params`` or a list of its "div" partitions (consecutive rows)."""
    if isinstance(params, (list, tuple)):
        parts = [storage_of(p) for p in params]
        return torch.cat(parts) if len(parts) > 1 else parts[0]
    return storage_of(params)


def expected_count(classes, tries, num_sampled, num_classes):
    """TF's expected count of each class in ``num_sampled`` unique log-uniform draws that took
    ``tries`` attempts (float32)."""
    c = classes.to(torch.float64)
    p = (torch.log(c + 2) - torch.log(c + 1)) / math.log(num_classes + 1)
    if tries == num_sampled:
        return (p * num_sampled).float()
    return (-torch.expm1(tries * torch.log1p(-p))).float()


def log_uniform_candidates(labels, num_sampled, num_classes, seed, device):
    """``(sampled, true_expected_count, sampled_expected_count)`` as TF's unique log-uniform
    candidate sampler defines them (torch's random stream)."""
    if num_sampled > num_classes:
        raise op_error(
            "LogUniformCandidateSampler",
            "Sampler's range is too small.",
            labels,
            kernel="LogUniformCandidateSampler",
        )
    log_range = math.log(num_classes + 1)
    generator = random_generator(seed, device)
    picked, seen, tries = [], set(), 0
    while len(picked) < num_sampled:
        draws = torch.rand(
            max(2 * (num_sampled - len(picked)), 16),
            generator=generator,
            device=device,
            dtype=torch.float64,
        )
        values = (torch.exp(draws * log_range).floor() - 1).long().clamp(0, num_classes - 1)
        for v in values.tolist():
            tries += 1
            if v not in seen:
                seen.add(v)
                picked.append(v)
                if len(picked) == num_sampled:
                    break

    def expected(classes):
        return expected_count(classes, tries, num_sampled, num_classes)

    sampled = torch.tensor(picked, dtype=torch.int64, device=device)
    return sampled, expected(labels), expected(sampled)


def _sampled_logits(
    weights,
    biases,
    labels,
    inputs,
    num_sampled,
    num_classes,
    num_true,
    sampled_values,
    remove_accidental_hits,
    seed,
):
    """TF's ``_compute_sampled_logits``: ``(logits, labels)`` of the true then sampled
    classes, ``[batch, num_true + num_sampled]``."""
    x = storage_of(inputs)
    true_ids = storage_of(labels).to(torch.int64).reshape(-1, num_true)
    if sampled_values is None:
        sampled_values = log_uniform_candidates(true_ids, num_sampled, num_classes, seed, x.device)
    sampled, true_count, sampled_count = (
        (v._value if isinstance(v, TensorOperators) else torch.as_tensor(np.asarray(v))).detach()
        for v in sampled_values
    )
    sampled = sampled.to(torch.int64).to(x.device)
    table = _table(weights).to(x.dtype)
    bias = _table(biases).to(x.dtype)
    flat = true_ids.reshape(-1)
    true_w = table[flat].reshape(-1, num_true, table.shape[-1])
    true_logits = torch.sum(x.unsqueeze(1) * true_w, -1) + bias[flat].reshape(-1, num_true)
    sampled_logits = x @ table[sampled].T + bias[sampled]
    if remove_accidental_hits:
        hits = (true_ids.unsqueeze(-1) == sampled.reshape(1, 1, -1)).any(1)
        penalty = torch.tensor(-_FLT_MAX, dtype=x.dtype, device=x.device)
        sampled_logits = sampled_logits + torch.where(hits, penalty, torch.zeros_like(penalty))
    true_logits = true_logits - torch.log(true_count.to(x.device)).to(x.dtype)
    sampled_logits = sampled_logits - torch.log(sampled_count.to(x.device)).to(x.dtype)
    logits = torch.cat([true_logits, sampled_logits], 1)
    targets = torch.cat(
        [torch.ones_like(true_logits) / num_true, torch.zeros_like(sampled_logits)], 1
    )
    return logits, targets


@tf_export("nn.nce_loss")
def nce_loss(
    weights,
    biases,
    labels,
    inputs,
    num_sampled,
    num_classes,
    num_true=1,
    sampled_values=None,
    remove_accidental_hits=False,
    name="nce_loss",
):
    """``tf.nn.nce_loss``: noise-contrastive estimation, the summed sigmoid cross entropy of
    the true classes (target ``1 / num_true``) and the sampled ones (target 0), one value per
    row of ``inputs``."""
    logits, targets = _sampled_logits(
        weights,
        biases,
        labels,
        inputs,
        num_sampled,
        num_classes,
        num_true,
        sampled_values,
        remove_accidental_hits,
        None,
    )
    losses = torch.relu(logits) - logits * targets + torch.log1p(torch.exp(-torch.abs(logits)))
    return wrap(losses.sum(1))


@tf_export("nn.sampled_softmax_loss")
def sampled_softmax_loss(
    weights,
    biases,
    labels,
    inputs,
    num_sampled,
    num_classes,
    num_true=1,
    sampled_values=None,
    remove_accidental_hits=True,
    seed=None,
    name="sampled_softmax_loss",
):
    """``tf.nn.sampled_softmax_loss``: softmax cross entropy over the true classes (target
    ``1 / num_true``) and the sampled ones, one value per row of ``inputs``; accidental hits
    are removed by default, as TF."""
    logits, targets = _sampled_logits(
        weights,
        biases,
        labels,
        inputs,
        num_sampled,
        num_classes,
        num_true,
        sampled_values,
        remove_accidental_hits,
        seed,
    )
    return wrap(-torch.sum(targets * torch.log_softmax(logits, 1), 1))
