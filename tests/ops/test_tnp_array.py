"""``tnp``'s shape, joining, selection and product functions against TF's tnp."""

import re

import numpy as np
import pytest
from tnp_oracle import assert_same, oracle, ours

import torchkeras as tf
import torchkeras.experimental.numpy as tnp

_M = "tnp.reshape(tnp.arange(6, dtype=tnp.int32), (2, 3))"
_F = "tnp.asarray([[1., 2.], [3., 4.]], tnp.float32)"
CASES = (
    "tnp.reshape(tnp.arange(6), [3, -1])",
    "tnp.ravel(%s)" % _M,
    "tnp.transpose(%s)" % _M,
    "tnp.transpose(tnp.ones([2, 3, 4]), (1, 0, 2))",
    "tnp.swapaxes(%s, 0, 1)" % _M,
    "tnp.moveaxis(tnp.zeros([2, 3, 4]), 0, -1)",
    "tnp.expand_dims(%s, 1)" % _M,
    "tnp.squeeze(tnp.ones([1, 2, 1]))",
    "tnp.squeeze(tnp.ones([1, 2, 1]), axis=0)",
    "tnp.concatenate([%s, %s])" % (_M, _F),
    "tnp.concatenate([[1, 2], [3.5]])",
    "tnp.concatenate([%s, %s], axis=None)" % (_M, _M),
    "tnp.concatenate([tnp.ones([2, 3]), tnp.ones([2, 2])])",
    "tnp.append([1, 2], 3)",
    "tnp.stack([[1, 2], [3, 4]], axis=1)",
    "tnp.vstack([[1, 2], [3, 4]])",
    "tnp.hstack([[1, 2], [3.]])",
    "tnp.dstack([[1, 2], [3, 4]])",
    "tnp.split(tnp.arange(6), 3)[1]",
    "tnp.split(tnp.arange(6), [1, 4])[2]",
    "tnp.hsplit(%s, 3)[0]" % _M,
    "tnp.vsplit(%s, 2)[1]" % _M,
    "tnp.tile([1, 2], 2)",
    "tnp.tile(%s, (2, 1))" % _M,
    "tnp.repeat([1, 2], 2)",
    "tnp.repeat(%s, [1, 2], axis=0)" % _M,
    "tnp.broadcast_to([1, 2], (3, 2))",
    "tnp.broadcast_arrays([1, 2], [[1], [2]])[1]",
    "tnp.flip(%s)" % _M,
    "tnp.fliplr(%s)" % _M,
    "tnp.flipud(%s)" % _M,
    "tnp.roll(tnp.arange(5), 2)",
    "tnp.roll(%s, 1, axis=1)" % _M,
    "tnp.rot90(%s)" % _M,
    "tnp.where([True, False], 1, 2.5)",
    "tnp.where(%s > 2, %s, 0)" % (_M, _M),
    "tnp.nonzero([[0, 1], [2, 0]])[1]",
    "tnp.take([4, 5, 6], [0, 2])",
    "tnp.take(%s, [2], axis=1)" % _M,
    "tnp.take_along_axis(%s, tnp.asarray([[0], [2]]), 1)" % _M,
    "tnp.sort([3, 1, 2])",
    "tnp.argsort([3, 1, 2])",
    "tnp.diag([1, 2])",
    "tnp.diag(%s)" % _M,
    "tnp.diagonal(%s, 1)" % _M,
    "tnp.trace(%s)" % _M,
    "tnp.tril(%s)" % _M,
    "tnp.triu(%s, 1)" % _M,
    "tnp.atleast_2d(3)",
    "tnp.meshgrid([1, 2], [3, 4, 5])[0]",
    "tnp.diff([1, 4, 9, 16])",
    "tnp.dot([1, 2], [3, 4])",
    "tnp.dot(%s, %s)" % (_F, _F),
    "tnp.dot(%s, [1, 2])" % _F,
    "tnp.dot(2, [1, 2])",
    "tnp.matmul(%s, %s)" % (_F, _F),
    "tnp.matmul(%s, tnp.ones([3, 2]))" % _M,
    "tnp.tensordot(tnp.ones([2, 3]), tnp.ones([3, 2]), 1)",
    "tnp.inner([1, 2], [3, 4])",
    "tnp.outer([1, 2], [3., 4.])",
    "tnp.vdot([1, 2], [3, 4])",
    "tnp.cross([1, 0, 0], [0, 1, 0])",
    "tnp.kron([1, 2], [1, 10])",
    "tnp.einsum('ij,jk->ik', %s, %s)" % (_F, _F),
    "tnp.isclose([1., 2.], [1., 2.1])",
    "tnp.allclose([1., 2.], [1., 2.])",
    "tnp.array_equal([1, 2], [1, 2])",
    "tnp.real([1.5])",
    "tnp.imag([1.5])",
    "tnp.pad([1, 2], [[1, 1]], 'constant')",
    "tnp.compress([True, False, True], [4, 5, 6])",
    "tnp.compress([False, True], %s, axis=0)" % _M,
    "tnp.diag_indices(3)[1]",
    "tnp.ix_([0, 1], [2, 0])[0]",
    "tnp.ix_([0, 1], [True, False, True])[1]",
    "tnp.polyval([1, 2, 3], [0, 1, 2.5])",
    "tnp.select([tnp.asarray([1, 2]) > 1, tnp.asarray([True, True])], [[10, 20], [1.5, 2.5]])",
    "tnp.vander([1, 2, 3])",
    "tnp.vander([1., 2.], 3, increasing=True)",
    "tnp.atleast_3d([1, 2])",
    "tnp.atleast_1d(2.5)",
    "tnp.dsplit(tnp.ones([1, 1, 4]), 2)[0]",
    "tnp.diagflat([[1, 2], [3, 4]], 1)",
    "tnp.angle([1.0, -1.0])",
    "tnp.iscomplex([1.0, 2.0])",
    "tnp.isreal([1.0, 2.0])",
    "tnp.swapaxes(tnp.ones([1, 2, 3]), 0, 2)",
    "tnp.pad([1, 2, 3], [[1, 1]], 'reflect')",
)


def test_array_functions_match_tf():
    pytest.importorskip("tensorflow")
    scope = {"tf": tf, "tnp": tnp, "np": np}
    assert_same(CASES, oracle(CASES), ours(CASES, scope))


def test_pinned_array_results():
    m = tnp.reshape(tnp.arange(6), (2, 3))
    assert tnp.transpose(m).shape == (3, 2)
    assert tnp.concatenate([[1, 2], [3.5]]).dtype == tf.float64
    assert tnp.dot([1, 2], [3, 4]).numpy() == 11
    assert tnp.shape(m) == (2, 3) and tnp.size(m) == 6 and tnp.ndim(m) == 2
    assert [int(t) for t in tnp.split(tnp.arange(4), 2)[1]] == [2, 3]
    with pytest.raises(ValueError):
        tnp.matmul(2, [1, 2])


@pytest.mark.parametrize(
    "argument, message",
    [
        ("x", "Arguments must be 1-d, got arg 0 of rank 0"),
        (np.zeros((0, 3), np.float32), "Arguments must be 1-d, got arg 0 of rank 2"),
        (np.array(["a", "b"]), "Only integer and bool dtypes are supported, got <dtype: 'string'>"),
        (np.array([1.0]), "Only integer and bool dtypes are supported, got <dtype: 'float64'>"),
    ],
)
def test_ix_refuses_what_tf_refuses(argument, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        tf.experimental.numpy.ix_(argument)
