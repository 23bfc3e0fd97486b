"""TF's exact numbers from seeded stateful random ops (``tf.random.normal`` ... with
``set_seed`` / op seeds) and from TF's gamma sampler (``philox_samplers.py``), against TF."""

import numpy as np
import pytest

import torchkeras


def _stateful(tf):
    """Seeded stateful draws (the same code runs on torchkeras and on real TF)."""
    tf.random.set_seed(5)
    out = {
        "normal": tf.random.normal([5]),
        "normal64_a": tf.random.normal([3], dtype=tf.float64, seed=2),
        "normal64_b": tf.random.normal([3], dtype=tf.float64, seed=2),
        "uniform": tf.random.uniform([2, 3], minval=-1.0, maxval=4.0),
        "int32": tf.random.uniform([7], minval=-3, maxval=11, dtype=tf.int32),
        "int64": tf.random.uniform([5], minval=-3, maxval=2**40, dtype=tf.int64, seed=4),
        "trunc16": tf.random.truncated_normal([9], dtype=tf.float16),
        "bf16": tf.random.uniform([4], dtype=tf.bfloat16, seed=3),
    }
    tf.random.set_seed(-12)
    out["reseeded"] = tf.random.normal([4], mean=2.0, stddev=3.0)
    tf.random.set_seed(None)
    out["op_seed_a"] = tf.random.uniform([3], seed=7)
    out["op_seed_b"] = tf.random.uniform([3], seed=7)
    return {k: np.asarray(v.numpy()).astype(np.float64).tolist() for k, v in out.items()}


def _gammas(tf):
    tf.random.set_seed(5)
    out = {
        "mixed64": tf.random.gamma([40], alpha=[0.5, 1.0, 2.5], dtype=tf.float64),
        "beta": tf.random.gamma([7, 2], alpha=0.3, beta=[1.0, 2.0], seed=3),
        "half": tf.random.gamma([5], alpha=1.0, dtype=tf.float16, seed=3),
        "sl64": tf.random.stateless_gamma(
            [30, 3], seed=[1, 2], alpha=[0.2, 1.0, 7.0], dtype=tf.float64
        ),
        "sl32": tf.random.stateless_gamma([20, 2], seed=[4, 2], alpha=[0.9, 1.5]),
        "sl16": tf.random.stateless_gamma([6], seed=[4, 2], alpha=3.0, dtype=tf.float16),
        "edges": tf.random.stateless_gamma([4], [1, 2], [float("nan"), -0.5, 0.0, 1e-30]),
    }
    return {k: np.asarray(v.numpy()).astype(np.float64) for k, v in out.items()}


def _poissons(tf):
    tf.random.set_seed(5)
    out = {
        "mixed64": tf.random.poisson(
            [30], lam=[0.5, 3.0, 9.99, 10.0, 25.0, 1000.0], dtype=tf.float64
        ),
        "int32": tf.random.poisson([7, 2], lam=[[4.0], [40.0]], seed=3, dtype=tf.int32),
        "negative": tf.random.poisson([5], lam=-2.0, dtype=tf.float16, seed=3),
        "half_rates": tf.random.poisson(
            [5], lam=tf.constant([2.5, 300.0], tf.float16), dtype=tf.int64, seed=3
        ),
        "sl32": tf.random.stateless_poisson(
            [40, 3], seed=[1, 2], lam=[0.2, 11.0, 7.0], dtype=tf.float32
        ),
        "sl_int": tf.random.stateless_poisson([30, 2], seed=[4, 2], lam=[0.9, 150.5]),
    }
    return {k: np.asarray(v.numpy()).astype(np.float64) for k, v in out.items()}


RECORDED_STATEFUL = {
    "normal": [
        -0.18030665814876556,
        -0.9502862691879272,
        -0.03964049369096756,
        -0.7425405979156494,
        1.3231523036956787,
    ],
    "normal64_b": [-0.5225800961997522, 0.7512399051813782, -0.7791251095158551],
    "int64": [562281189121.0, 301426310162.0, 733447072037.0, 694726168097.0, 61327796865.0],
    "trunc16": [
        0.037017822265625,
        0.345947265625,
        -0.41552734375,
        -0.470458984375,
        0.00103759765625,
        0.38232421875,
        -0.859375,
        -1.7841796875,
        -0.4658203125,
    ],
    "reseeded": [4.887118816375732, 1.1529874801635742, 5.339042663574219, 2.2027690410614014],
    "op_seed_b": [0.8793959617614746, 0.07022583484649658, 0.9375956058502197],
}  # real TF 2.21's values

RECORDED_GAMMA = {
    "mixed64": [4.144339375295779, 0.3689039461330148, 1.970048289322291, 0.04642331550262514],
    "beta": [0.04001539945602417, 0.004301241599023342, 0.3912387788295746, 0.0031022322364151478],
    "half": [0.73291015625, 2.25, 0.28271484375, 0.1295166015625],
    "sl64": [0.0002957426310174973, 0.05628972405763994, 5.005598711929889, 0.14654220250647937],
    "sl32": [0.29319995641708374, 1.6284116506576538, 0.021842949092388153, 2.658590078353882],
    "sl16": [1.083984375, 8.375, 2.2578125, 3.578125],
    "edges": [np.nan, 0.56593257188797, 1.1754943508222875e-38, 1.1754943508222875e-38],
}  # real TF 2.21's values (the first four of each)


def _assert_recorded(draws, recorded):
    """The first values of each of ``draws``' arrays are ``recorded``'s (real TF's)."""
    for key, values in recorded.items():
        np.testing.assert_array_equal(draws[key].ravel()[: len(values)], values, err_msg=key)


def test_recorded_stateful_values():
    draws = _stateful(torchkeras)
    for key, values in RECORDED_STATEFUL.items():
        assert draws[key] == values, key


def test_recorded_gamma_values():
    _assert_recorded(_gammas(torchkeras), RECORDED_GAMMA)


def test_set_seed_replays_and_op_seed_streams_continue():
    torchkeras.random.set_seed(3)
    first = [torchkeras.random.gamma([4], 0.7, seed=1).numpy() for _ in range(2)]
    torchkeras.random.set_seed(3)
    again = [torchkeras.random.gamma([4], 0.7, seed=1).numpy() for _ in range(2)]
    np.testing.assert_array_equal(first[0], again[0])
    np.testing.assert_array_equal(first[1], again[1])
    assert not np.array_equal(first[0], first[1])


def test_stateful_seeded_ops_match_tf():
    tf_real = pytest.importorskip("tensorflow")
    assert _stateful(torchkeras) == _stateful(tf_real)


def _assert_draws_match_tf(draws):
    """``draws(tf)`` (a dict of arrays) is the same with torchkeras as with real TF."""
    tf_real = pytest.importorskip("tensorflow")
    mine, theirs = draws(torchkeras), draws(tf_real)
    for key in theirs:
        np.testing.assert_array_equal(mine[key], theirs[key], err_msg=key)


def test_gamma_matches_tf():
    _assert_draws_match_tf(_gammas)


def test_poisson_matches_tf():
    _assert_draws_match_tf(_poissons)


RECORDED_POISSON = {
    "mixed64": [0.0, 5.0, 10.0, 8.0, 33.0, 977.0],
    "int32": [8.0, 38.0, 5.0, 39.0, 1.0, 35.0],
    "half_rates": [6.0, 304.0, 4.0, 274.0, 1.0, 311.0],
    "sl32": [1.0, 16.0, 5.0, 1.0, 11.0, 8.0],
    "sl_int": [1.0, 144.0, 1.0, 146.0, 2.0, 147.0],
}  # real TF 2.21's values (the first six of each)


def test_recorded_poisson_values():
    draws = _poissons(torchkeras)
    _assert_recorded(draws, RECORDED_POISSON)
    assert draws["negative"].tolist() == [0.0] * 5


def _in_function(tf):
    tf.random.set_seed(3)

    @tf.function
    def draw():
        return tf.random.normal([2], seed=4)

    return [draw().numpy().tolist() for _ in range(3)]


def test_seeded_op_in_tf_function_continues_its_stream_as_tf():
    tf_real = pytest.importorskip("tensorflow")
    assert _in_function(torchkeras) == _in_function(tf_real)


def test_seeded_op_in_tf_function_draws_fresh_values_per_call():
    first, second, third = _in_function(torchkeras)
    assert first != second != third
    torchkeras.random.set_seed(3)
    eager = [torchkeras.random.normal([2], seed=4).numpy().tolist() for _ in range(3)]
    assert eager == [first, second, third]


def _binomials(tf):
    g = tf.random.Generator.from_seed(7)
    out = {
        "sl": tf.random.stateless_binomial(
            [20, 6],
            seed=[1, 2],
            counts=[5.0, 40.0, 100.0, 7.0, 0.0, 1000.0],
            probs=[0.3, 0.5, 0.9, 0.99, 0.5, 0.02],
        ),
        "sl64": tf.random.stateless_binomial(
            [5, 2, 3],
            seed=[4, 2],
            counts=[[20.0], [300.0]],
            probs=tf.constant([0.1, 0.6, 1.0], tf.float64),
            output_dtype=tf.float64,
        ),
        "sl16": tf.random.stateless_binomial(
            [3, 2],
            seed=[4, 9],
            counts=tf.constant([12.0, 200.0], tf.float16),
            probs=tf.constant([0.45, 0.7], tf.float16),
            output_dtype=tf.int64,
        ),
        "edges": tf.random.stateless_binomial(
            [6],
            seed=[1, 2],
            counts=[-1.0, 0.0, 5.0, 5.0, 5.0, 10.5],
            probs=[0.5, 0.5, 0.0, 1.0, float("nan"), 0.5],
            output_dtype=tf.float32,
        ),
        "gen": g.binomial([4, 3], counts=[3.0, 50.0, 80.0], probs=[0.2, 0.5, 0.95]),
        "gen_next": g.binomial([5], counts=30.0, probs=0.4, dtype=tf.float32),
        "gen_state": g.state,
    }
    return {k: np.asarray(v.numpy()).astype(np.float64) for k, v in out.items()}


def test_binomial_matches_tf():
    _assert_draws_match_tf(_binomials)


RECORDED_BINOMIAL = {
    "sl": [3.0, 23.0, 93.0, 7.0, 0.0, 19.0],
    "sl64": [2.0, 12.0, 20.0, 24.0, 172.0, 300.0],
    "sl16": [4.0, 140.0, 5.0, 139.0, 3.0, 130.0],
    "edges": [0.0, 0.0, 0.0, 5.0, np.nan, 6.0],
    "gen": [0.0, 24.0, 76.0, 0.0, 27.0, 77.0],
    "gen_next": [10.0, 10.0, 14.0, 12.0, 13.0],
    "gen_state": [371207.0, 0.0, 0.0],
}  # real TF 2.21's values (the first six of each)


def test_recorded_binomial_values():
    _assert_recorded(_binomials(torchkeras), RECORDED_BINOMIAL)


def _categoricals(tf):
    tf.random.set_seed(5)
    logits = np.log(np.random.default_rng(0).random((6, 50)))
    out = {
        "mixed": tf.random.categorical(
            [[0.1, 2.0, -1.0, 0.5], [1.0, 1.0, 1.0, 1.0], [-np.inf, 0.0, np.inf, np.nan]], 7
        ),
        "half_a": tf.random.categorical(
            tf.constant([[0.3, 0.2, 5.0]], tf.float16), 5, dtype=tf.int32, seed=3
        ),
        "half_b": tf.random.categorical(
            tf.constant([[0.3, 0.2, 5.0]], tf.float16), 5, dtype=tf.int32, seed=3
        ),
        "wide": tf.random.categorical(logits, 9, seed=4),
        "sl": tf.random.stateless_categorical(
            [[0.1, 2.0, -1.0, 0.5], [-np.inf] * 4], 6, seed=[1, 2]
        ),
        "sl_wide": tf.random.stateless_categorical(logits[:3], 11, seed=[3, 2], dtype=tf.int32),
    }
    return {k: np.asarray(v.numpy()).tolist() for k, v in out.items()}


def test_categorical_matches_tf():
    """Small batches, which TF's CPU kernel draws in one shard (larger ones split the stream
    by thread, so TF's own values depend on the machine's core count)."""
    tf_real = pytest.importorskip("tensorflow")
    assert _categoricals(torchkeras) == _categoricals(tf_real)


RECORDED_CATEGORICAL = {
    "mixed": [0, 0, 1, 1, 1, 1, 1],
    "wide": [36, 5, 45, 49, 10, 40, 34, 36, 5],
    "sl": [1, 3, 1, 3, 1, 1],
    "sl_wide": [49, 14, 29, 34, 49, 44, 44, 38, 17, 29, 23],
}  # real TF 2.21's values (the first row of each)


def test_recorded_categorical_values():
    draws = _categoricals(torchkeras)
    for key, values in RECORDED_CATEGORICAL.items():
        assert draws[key][0] == values, key
    assert draws["mixed"][2] == [1] * 7  # the only finite logit
    assert draws["sl"][1] == [4] * 6  # no finite logit: TF's index num_classes
