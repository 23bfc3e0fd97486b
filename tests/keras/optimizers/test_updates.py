"""The optimizers' multi-tensor steps round exactly as Keras' separate float32 ops."""

import pytest
import torch

from torchkeras.keras.optimizers import updates

SHAPES = [(37, 19), (5,), (), (300,)]


def _tensors(dtype, seed):
    generator = torch.Generator().manual_seed(seed)
    tensors = []
    for shape in SHAPES:
        mantissas = torch.randn(shape, generator=generator, dtype=torch.float64)
        exponents = torch.randint(-8, 8, shape, generator=generator).to(torch.float64)
        tensors.append((mantissas * 2.0**exponents).to(dtype))
    return tensors


def _per_op_decay_add(targets, decay, tensors, scale):
    return [t * decay + x * scale for t, x in zip(targets, tensors)]


def _per_op_move_toward(targets, tensors, fraction):
    return [t + (x - t) * fraction for t, x in zip(targets, tensors)]


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("scratch", [False, True])
def test_decay_add_rounds_as_separate_ops(dtype, scratch):
    for seed in range(5):
        targets, tensors = _tensors(dtype, seed), _tensors(dtype, seed + 100)
        expected = _per_op_decay_add(targets, 0.9, tensors, 1 - 0.9)
        updates.decay_add_(targets, 0.9, [t.clone() for t in tensors], 1 - 0.9, scratch=scratch)
        for got, want in zip(targets, expected):
            assert torch.equal(got, want)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_move_toward_rounds_as_separate_ops(dtype):
    for seed in range(5):
        targets, tensors = _tensors(dtype, seed), _tensors(dtype, seed + 100)
        expected = _per_op_move_toward(targets, tensors, 1 - 0.999)
        out = [torch.empty_like(t) for t in tensors]
        updates.move_toward_(targets, tensors, 1 - 0.999, out=out)
        for got, want in zip(targets, expected):
            assert torch.equal(got, want)


def test_helpers_write_into_out_without_allocating():
    tensors = _tensors(torch.float32, 7)
    out = [torch.empty_like(t) for t in tensors]
    pointers = [o.data_ptr() for o in out]
    for helper, expected in (
        (lambda: updates.squares(tensors, out), [t * t for t in tensors]),
        (lambda: updates.plus(tensors, 1e-7, out), [t + 1e-7 for t in tensors]),
        (lambda: updates.roots(tensors, out), [torch.sqrt(t) for t in tensors]),
        (lambda: updates.scaled(tensors, 0.5, out), [t * 0.5 for t in tensors]),
    ):
        result = helper()
        assert result is out and [o.data_ptr() for o in out] == pointers
        for got, want in zip(result, expected):
            torch.testing.assert_close(got, want, equal_nan=True, rtol=0, atol=0)
