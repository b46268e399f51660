"""The optional embedding back end, with a tiny ONNX model the test writes itself."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from PIL import ImageFilter

from museion.redlists import embeddings
from museion.redlists.lookup import look_up_photo
from museion.redlists.lookup_models import PictureEmbedding

from .photo_fixtures import add_pictures, jpeg_upload, make_list, picture_storage  # noqa: F401
from .pictures import drawn_picture

onnx = pytest.importorskip("onnx")
pytest.importorskip("onnxruntime")

pytestmark = pytest.mark.usefixtures("picture_storage")


def tiny_model(path):
    """Centre the pixels, average them over an 4 × 4 grid: a 48-number sketch of the layout."""
    from onnx import TensorProto, helper

    pixels = helper.make_tensor_value_info("pixels", TensorProto.FLOAT, [1, 3, 32, 32])
    vector = helper.make_tensor_value_info("vector", TensorProto.FLOAT, [1, 48])
    half = helper.make_tensor("half", TensorProto.FLOAT, [], [0.5])
    nodes = [
        helper.make_node("Sub", ["pixels", "half"], ["centred"]),
        helper.make_node(
            "AveragePool", ["centred"], ["pooled"], kernel_shape=[8, 8], strides=[8, 8]
        ),
        helper.make_node("Flatten", ["pooled"], ["vector"]),
    ]
    graph = helper.make_graph(nodes, "layout-sketch", [pixels], [vector], initializer=[half])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


@pytest.fixture
def embedding_model(settings, tmp_path):
    settings.REDLISTS_EMBEDDING_MODEL = str(tiny_model(tmp_path / "sketch.onnx"))
    settings.REDLISTS_EMBEDDING_MIN_SIMILARITY = 0.97
    return settings.REDLISTS_EMBEDDING_MODEL


def blurred(picture):
    """So blurred that no keypoint survives, yet the layout is the same."""
    return picture.filter(ImageFilter.GaussianBlur(12))


def test_without_a_model_a_blurred_photo_is_not_found(
    db,
    django_capture_on_commit_callbacks,
):
    add_pictures(make_list("plain"), [20, 21], capture=django_capture_on_commit_callbacks)
    assert not PictureEmbedding.objects.exists()
    assert look_up_photo(upload=jpeg_upload(blurred(drawn_picture(20)))) == []


def test_with_a_model_a_blurred_photo_is_found_by_its_vector(
    db,
    embedding_model,
    django_capture_on_commit_callbacks,
):
    images = add_pictures(
        make_list("vectors"), [20, 21], capture=django_capture_on_commit_callbacks
    )
    assert PictureEmbedding.objects.count() == 2

    matches = look_up_photo(upload=jpeg_upload(blurred(drawn_picture(20))))

    assert [(m.image, m.keypoints) for m in matches] == [(images[0], 0)]
    assert matches[0].similarity >= 0.97
    assert matches[0].score == matches[0].similarity


def test_with_a_model_unrelated_photos_still_match_nothing(
    db,
    embedding_model,
    django_capture_on_commit_callbacks,
):
    add_pictures(make_list("vectors"), [20, 21, 22], capture=django_capture_on_commit_callbacks)
    for seed in (300, 301, 302, 303):
        assert look_up_photo(upload=jpeg_upload(drawn_picture(seed))) == []


def test_with_a_model_an_exact_copy_gets_keypoints_and_similarity(
    db,
    embedding_model,
    django_capture_on_commit_callbacks,
):
    images = add_pictures(make_list("vectors"), [22], capture=django_capture_on_commit_callbacks)
    [match] = look_up_photo(upload=jpeg_upload(drawn_picture(22)))
    assert match.image == images[0]
    assert match.keypoints > 100 and match.similarity > 0.99


def test_a_missing_model_file_is_named_in_the_error(settings, tmp_path):
    settings.REDLISTS_EMBEDDING_MODEL = str(tmp_path / "nowhere.onnx")
    with pytest.raises(ImproperlyConfigured, match="no file at .*nowhere.onnx"):
        embeddings.configured_model()
