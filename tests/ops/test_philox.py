"""TF's exact Philox numbers: ``tf.random.Generator`` and ``tf.random.stateless_*`` against TF."""

import numpy as np
import pytest
import torch

import torchkeras
from torchkeras.ops import philox


def _draws(tf):
    """One tour of the API (the same code runs on torchkeras and on real TF)."""
    out = {}
    g = tf.random.Generator.from_seed(1)
    out["gen_normal"] = g.normal([5]).numpy().tolist()
    out["gen_uniform"] = g.uniform([3], dtype=tf.float64).numpy().tolist()
    out["gen_int"] = g.uniform([7], minval=-3, maxval=11, dtype=tf.int32).numpy().tolist()
    out["gen_trunc"] = g.truncated_normal([6], dtype=tf.float16).numpy().astype(float).tolist()
    out["gen_full"] = g.uniform_full_int([3], dtype=tf.int64).numpy().tolist()
    out["gen_state"] = g.state.numpy().tolist()
    out["seeds"] = g.make_seeds(2).numpy().tolist()
    out["split"] = [c.state.numpy().tolist() for c in g.split(2)]
    g.reset_from_seed([7, 8])
    out["reset_state"] = g.state.numpy().tolist()
    out["reset_bf16"] = g.normal([3], dtype=tf.bfloat16).numpy().astype(float).tolist()
    k = tf.random.Generator.from_key_counter(key=5, counter=[2**40, 3], alg="philox")
    out["kc_uniform"] = k.uniform([2, 3], minval=1.0, maxval=3.0).numpy().tolist()
    out["sl_uniform"] = tf.random.stateless_uniform([2, 3], seed=[1, 2]).numpy().tolist()
    out["sl_normal64"] = (
        tf.random.stateless_normal([3], seed=[-1, 2**40], dtype=tf.float64, mean=1.0, stddev=2.0)
        .numpy()
        .tolist()
    )
    out["sl_trunc"] = (
        tf.random.stateless_truncated_normal([5], seed=tf.constant([3, 4], tf.int32))
        .numpy()
        .tolist()
    )
    out["sl_int64"] = (
        tf.random.stateless_uniform([4], seed=[5, 6], minval=-(2**40), maxval=2**41, dtype=tf.int64)
        .numpy()
        .tolist()
    )
    out["sl_full32"] = (
        tf.random.stateless_uniform([5], seed=[5, 6], minval=None, maxval=None, dtype=tf.int32)
        .numpy()
        .tolist()
    )
    out["sl_half"] = (
        tf.random.stateless_uniform([5], seed=[5, 6], dtype=tf.float16)
        .numpy()
        .astype(float)
        .tolist()
    )
    out["rng_state"] = repr(tf.random.create_rng_state(2**64 + 3, "philox"))
    return out


RECORDED = {
    "gen_full": [2344438790341801005, 910079846095951685, 8047686519152476642],
    "gen_int": [10, -1, 0, 9, 8, -2, 0],
    "gen_normal": [
        0.4384227395057678,
        -0.5343984365463257,
        -0.07710261642932892,
        1.5658046007156372,
        -0.10123450309038162,
    ],
    "gen_state": [6145, 0, 0],
    "gen_trunc": [
        -0.278564453125,
        -0.1402587890625,
        0.254638671875,
        -0.355224609375,
        -0.60498046875,
        1.9296875,
    ],
    "gen_uniform": [0.9637376763723642, 0.8950107916639292, 0.0842259204162723],
    "kc_uniform": [
        [1.4691112041473389, 1.632094383239746, 2.360351800918579],
        [2.308671712875366, 1.3007738590240479, 2.0181307792663574],
    ],
    "reset_bf16": [-0.3203125, 1.4609375, 1.28125],
    "reset_state": [0, 7, 8],
    "rng_state": "<tf.Tensor: shape=(3,), dtype=int64, numpy=array([3, 1, 0])>",
    "seeds": [[-2405629589670985452, 5818436246720308747], [0, 0]],
    "sl_full32": [-180254357, -1901470197, 1629830848, -1475124591, -1168902422],
    "sl_half": [0.3544921875, 0.5107421875, 0.6875, 0.6416015625, 0.728515625],
    "sl_int64": [1150870980971, -475111539008, 1592263964394, -549661015039],
    "sl_normal64": [0.6871661183310442, 0.4233292187002319, 4.214541858027353],
    "sl_trunc": [
        -0.17393383383750916,
        1.6723546981811523,
        0.3481701612472534,
        -1.7038906812667847,
        0.6385190486907959,
    ],
    "sl_uniform": [
        [0.8440604209899902, 0.19204533100128174, 0.9962232112884521],
        [0.16038739681243896, 0.27199018001556396, 0.6493459939956665],
    ],
    "split": [[0, 0, -8755724793373558360], [0, 0, -4361083304922204473]],
}  # real TF 2.21's values


def test_recorded_tf_values():
    assert _draws(torchkeras) == RECORDED


def test_matches_tf():
    tf_real = pytest.importorskip("tensorflow")
    assert _draws(torchkeras) == _draws(tf_real)


def test_philox_block_counter_carries():
    """Counters carry across 32-bit words as TF's 128-bit ``Skip``."""
    words = philox.philox_blocks((1, 2), [0xFFFFFFFF, 0xFFFFFFFF, 5, 0], 2, torch.device("cpu"))
    again = philox.philox_blocks((1, 2), [0, 0, 6, 0], 1, torch.device("cpu"))
    assert words[1].tolist() == again[0].tolist()
    assert philox.add_to_counter([0xFFFFFFFF] * 4, 1) == [0, 0, 0, 0]


def test_binomial_draws_with_tf_checks():
    generator = torchkeras.random.Generator.from_seed(1)
    with pytest.raises(torchkeras.errors.InvalidArgumentError, match="must end with broadcasted"):
        generator.binomial([2], counts=[10.0], probs=[0.5])
    sample = generator.binomial([4000], counts=10.0, probs=0.5)
    assert sample.dtype == torchkeras.int32 and abs(float(np.mean(sample.numpy())) - 5.0) < 0.2


SHAPES = [[], [1], [3], [5], [2, 7], [4, 4], [3, 1, 11], [1031]]
FLOATS = ["float16", "bfloat16", "float32", "float64"]


def _stateless_cases(tf):
    for shape in SHAPES:
        for seed in ([1, 2], [-7, 2**40]):
            for name in FLOATS:
                dtype = getattr(tf, name)
                yield (
                    ("uniform", name, tuple(shape)),
                    tf.random.stateless_uniform(shape, seed, dtype=dtype),
                )
                yield (
                    ("normal", name, tuple(shape)),
                    tf.random.stateless_normal(shape, seed, dtype=dtype),
                )
                yield (
                    ("truncated", name, tuple(shape)),
                    tf.random.stateless_truncated_normal(shape, seed, dtype=dtype),
                )
            for name, low, high in (
                ("int32", -5, 9),
                ("int32", -(2**31), 2**31 - 1),
                ("int64", 3, 2**35),
                ("int64", -(2**62), 2**62),
            ):
                dtype = getattr(tf, name)
                yield (
                    ("int", name, tuple(shape)),
                    tf.random.stateless_uniform(shape, seed, minval=low, maxval=high, dtype=dtype),
                )
                yield (
                    ("full", name, tuple(shape)),
                    tf.random.stateless_uniform(shape, seed, minval=None, maxval=None, dtype=dtype),
                )


def _as_numpy(tensor):
    array = np.asarray(tensor.numpy())
    return (
        array.astype(np.float64)
        if array.dtype.kind == "f" or array.dtype.name == "bfloat16"
        else array
    )


def test_stateless_many_shapes_match_tf():
    """Bit-exact for every dtype, float64 Box-Muller included."""
    tf_real = pytest.importorskip("tensorflow")
    mine = list(_stateless_cases(torchkeras))
    theirs = list(_stateless_cases(tf_real))
    for (label, a), (_, b) in zip(mine, theirs):
        a, b = _as_numpy(a), _as_numpy(b)
        assert a.shape == b.shape and a.dtype == b.dtype, label
        np.testing.assert_array_equal(a, b, err_msg=str(label))


def test_float64_normal_recorded_bits():
    """Values where torch's float64 log/sin/cos/sqrt round differently from glibc (TF's)."""
    sample = torchkeras.random.stateless_normal([1026], seed=[3, 7], dtype=torchkeras.float64)
    picked = [float(sample.numpy()[i]).hex() for i in (522, 523, 1024, 1025)]
    assert picked == [
        "0x1.b8057415c893dp-1",
        "0x1.368e85e959f4dp+0",
        "-0x1.09bf6e6ef8508p+0",
        "0x1.f568b082000c9p-1",
    ]  # real TF 2.21's values
