"""The optimizers' scalar arithmetic (``optimizers/scalar_math.py``), and the float32 updates it
gives, against numbers recorded from real Keras 3.15 on TF 2.21 (CPU): CI checks them without TF."""

import numpy as np
import pytest
import torch

from torchkeras import keras
from torchkeras.keras.optimizers.scalar_math import FLOAT32, FLOAT64, for_dtype

START = np.array([0.3, -1.25, 2.5, 0.0625], np.float32)
GRADS = [
    np.array(g, np.float32)
    for g in (
        [1.0, -0.5, 0.25, 2.0],
        [0.5, 0.75, -1.5, -0.125],
        [0.2, -2.0, 0.5, 1.0],
        [-0.3, 0.1, 1.25, -0.75],
        [0.8, -0.6, -0.2, 0.4],
        [1.5, 0.05, -0.9, 0.3],
    )
]

# (optimizer, arguments, learning rate, the variable after the 6 steps of GRADS in Keras on TF)
RECORDED = [
    (
        "SGD",
        {},
        0.1,
        [-0.06999998539686203, -1.03000009059906, 2.559999942779541, -0.2199999988079071],
    ),
    (
        "SGD",
        {"momentum": 0.9, "nesterov": True},
        0.1,
        [-0.9365144968032837, -0.40283769369125366, 2.662982940673828, -1.2393211126327515],
    ),
    (
        "RMSprop",
        {},
        0.1,
        [-0.5801146030426025, -0.8402955532073975, 2.366220235824585, -0.3841818571090698],
    ),
    (
        "RMSprop",
        {"momentum": 0.5, "centered": True},
        0.1,
        [-1.2463797330856323, -0.44018182158470154, 2.109790802001953, -0.8082826733589172],
    ),
    (
        "Adam",
        {},
        0.1,
        [-0.16834640502929688, -1.0016099214553833, 2.4710702896118164, -0.2892356812953949],
    ),
    (
        "Adam",
        {"amsgrad": True},
        0.1,
        [-0.16834640502929688, -1.001619815826416, 2.4710702896118164, -0.2892356812953949],
    ),
    (
        "AdamW",
        {},
        0.1,
        [-0.1685517281293869, -0.9988828301429749, 2.46516489982605, -0.28895461559295654],
    ),
    (
        "Nadam",
        {},
        0.1,
        [-0.04910846799612045, -1.0792542695999146, 2.4570372104644775, -0.12524114549160004],
    ),
    (
        "Adamax",
        {},
        0.1,
        [-0.04257488623261452, -1.0766700506210327, 2.448887586593628, -0.19164647161960602],
    ),
    ("Lion", {}, 0.1, [-0.09999998658895493, -0.8499999046325684, 2.5, -0.3375000059604645]),
    (
        "SGD",
        {},
        0.001,
        [0.2962999939918518, -1.2477999925613403, 2.5005998611450195, 0.05967500060796738],
    ),
    (
        "SGD",
        {"momentum": 0.9, "nesterov": True},
        0.001,
        [0.2876349091529846, -1.2415283918380737, 2.5016298294067383, 0.04948178678750992],
    ),
    (
        "RMSprop",
        {},
        0.001,
        [0.29119887948036194, -1.2459028959274292, 2.4986624717712402, 0.058033183217048645],
    ),
    (
        "RMSprop",
        {"momentum": 0.5, "centered": True},
        0.001,
        [0.284536212682724, -1.2419018745422363, 2.496098041534424, 0.05379217118024826],
    ),
    (
        "Adam",
        {},
        0.001,
        [0.29531654715538025, -1.2475162744522095, 2.4997105598449707, 0.058982644230127335],
    ),
    (
        "Adam",
        {"amsgrad": True},
        0.001,
        [0.29531654715538025, -1.2475162744522095, 2.4997105598449707, 0.058982644230127335],
    ),
    (
        "AdamW",
        {},
        0.001,
        [0.2953093945980072, -1.2474862337112427, 2.499650478363037, 0.058981187641620636],
    ),
    (
        "Nadam",
        {},
        0.001,
        [0.2965089678764343, -1.2482925653457642, 2.499570369720459, 0.06062259152531624],
    ),
    (
        "Adamax",
        {},
        0.001,
        [0.29657429456710815, -1.2482664585113525, 2.4994888305664062, 0.05995853990316391],
    ),
    ("Lion", {}, 0.001, [0.29600006341934204, -1.245999813079834, 2.5, 0.058500006794929504]),
]


def _ids(cases):
    return ["%s-%s-%s" % case[:3] for case in cases]


@pytest.mark.parametrize("name,kwargs,rate,expected", RECORDED, ids=_ids(RECORDED))
@pytest.mark.parametrize("schedule", [False, True], ids=["float", "schedule"])
def test_six_steps_match_recorded_keras(name, kwargs, rate, expected, schedule):
    """As a float (host scalars) and as a constant schedule (the rate a float32 device tensor)."""
    learning_rate = (
        keras.optimizers.schedules.PiecewiseConstantDecay([100], [rate, rate]) if schedule else rate
    )
    optimizer = getattr(keras.optimizers, name)(learning_rate=learning_rate, **kwargs)
    variable = keras.Variable(START)
    for grads in GRADS:
        optimizer.apply([grads], [variable])
    np.testing.assert_allclose(variable.numpy(), np.float32(expected), rtol=1e-6, atol=1e-7)


def test_adam_first_steps_as_keras():
    """0.3 with gradients 1.0, 0.5, 0.2 at rate 0.1: Keras' float32 bias correction gives
    0.20000100 after one step (float64 scalars gave 0.20000033) and 0.02459627 after three."""
    optimizer = keras.optimizers.Adam(learning_rate=0.1)
    variable = keras.Variable([0.3])
    got = []
    for grad in (1.0, 0.5, 0.2):
        optimizer.apply([np.float32([grad])], [variable])
        got.append(float(variable.numpy()[0]))
    np.testing.assert_allclose(
        got, [0.20000100135803223, 0.10678423941135406, 0.024596266448497772], rtol=1e-7
    )


def test_round_is_float32_rounding():
    rng = np.random.default_rng(0)
    values = rng.standard_normal(20000) * 10.0 ** rng.integers(-30, 30, 20000)
    for value in values.tolist() + [0.0, 1.0, 0.1, 1e-7, 0.999, 0.5 + 2.0**-25, 0.5 + 3 * 2.0**-25]:
        assert FLOAT32.cast(value) == float(np.float32(value))
    assert FLOAT32.cast(float("inf")) == float("inf")


@pytest.mark.parametrize("a,b", [(1.0, 0.9), (0.1, 0.3), (0.999, 1e-7), (12.5, 0.7)])
def test_host_arithmetic_is_float32(a, b):
    x, y = np.float32(a), np.float32(b)
    assert FLOAT32.sub(a, b) == float(x - y)
    assert FLOAT32.mul(a, b) == float(x * y)
    assert FLOAT32.div(a, b) == float(x / y)
    assert FLOAT32.sqrt(a) == float(np.sqrt(x))


def test_host_and_tensor_scalars_agree():
    """The host path (eager updates) and the tensor path (compiled updates) agree."""
    for beta in (0.9, 0.999, 0.8, 0.96, 0.5):
        for step in range(1, 300, 7):
            host = FLOAT32.power(beta, step)
            device = FLOAT32.power(beta, torch.tensor(step))
            assert device.dtype == torch.float32 and host == device.item(), (beta, step)
    rate = torch.tensor(0.1)
    assert FLOAT32.mul(rate, 0.3).item() == FLOAT32.mul(0.1, 0.3)
    assert (
        FLOAT32.sub(1, FLOAT32.cast(0.9, like=rate)).item()
        == FLOAT32.sub(1, FLOAT32.cast(0.9))
        == float(1 - np.float32(0.9))
    )


def test_float64_variables_use_float64_scalars():
    """Keras computes a float64 variable's scalars in float64, but ``ops.cast(beta, "float64")``
    goes through float32 on TF: Adam's first step from 0.3 (gradient 1, rate 0.1) in Keras."""
    assert for_dtype(torch.float64) is FLOAT64 and for_dtype(torch.float32) is FLOAT32
    assert for_dtype(torch.float16) is FLOAT32
    assert FLOAT64.sub(1, 0.9) == 1 - 0.9 and FLOAT64.power(0.9, 3) == 0.9**3
    assert FLOAT64.cast(0.9) == float(np.float32(0.9)) and FLOAT64.scalar(0.9) == 0.9
    assert FLOAT64.cast(0.9, like=torch.tensor(0.1)).item() == float(np.float32(0.9))
    optimizer = keras.optimizers.Adam(learning_rate=0.1)
    variable = keras.Variable(np.float64([0.3]))
    optimizer.apply([np.float64([1.0])], [variable])
    np.testing.assert_allclose(variable.numpy(), [0.20000098230848784], rtol=1e-14)
