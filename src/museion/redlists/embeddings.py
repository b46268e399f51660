"""Optional look-up back end: an image embedding model (ONNX) the operator provides.

Off unless ``REDLISTS_EMBEDDING_MODEL`` names an ``.onnx`` file (none is shipped) and
onnxruntime is installed (``pip install .[embeddings]``). The model takes one RGB picture as
float32 NCHW with values in 0–1 (its input's height and width are read from the model, 224
when they are symbolic) and returns one vector; pictures whose vectors point the same way
(cosine similarity at least ``REDLISTS_EMBEDDING_MIN_SIMILARITY``) are matches, even where
keypoints fail (another photograph of the same object, other light, other angle).

Vectors of stored pictures are computed when they are processed (pictures.py) and kept in
PictureEmbedding; each process holds them in one normalised matrix, reloaded when the
look-up index version changes, and compares a photo with all of them in one product.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from PIL import Image

from .hash_index import index_version

DEFAULT_SIDE = 224


class EmbeddingModel:
    def __init__(self, path: str | Path):
        try:
            import onnxruntime
        except ImportError as error:  # pragma: no cover - depends on the installation
            raise ImproperlyConfigured(
                "REDLISTS_EMBEDDING_MODEL is set but onnxruntime is not installed: "
                "pip install onnxruntime (or the project's 'embeddings' extra)."
            ) from error
        path = Path(path)
        if not path.is_file():
            raise ImproperlyConfigured(f"REDLISTS_EMBEDDING_MODEL: no file at {path}")
        self.name = f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}"
        self.session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        model_input = self.session.get_inputs()[0]
        self.input_name = model_input.name
        height, width = model_input.shape[2:4]
        self.size = (
            width if isinstance(width, int) else DEFAULT_SIDE,
            height if isinstance(height, int) else DEFAULT_SIDE,
        )

    def embed(self, image: Image.Image) -> np.ndarray:
        """The picture's vector, of length 1 (float32)."""
        rgb = image.convert("RGB").resize(self.size, Image.Resampling.BILINEAR)
        pixels = np.asarray(rgb, dtype=np.float32).transpose(2, 0, 1)[np.newaxis] / 255.0
        vector = np.asarray(self.session.run(None, {self.input_name: pixels})[0], np.float32)
        vector = vector.reshape(-1)
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm > 0 else vector


_model_lock = threading.Lock()
_models: dict[str, EmbeddingModel] = {}


def configured_model() -> EmbeddingModel | None:
    """The operator's model, loaded once per process; None when the back end is off."""
    path = getattr(settings, "REDLISTS_EMBEDDING_MODEL", "")
    if not path:
        return None
    with _model_lock:
        if path not in _models:
            _models[path] = EmbeddingModel(path)
        return _models[path]


def min_similarity() -> float:
    return float(getattr(settings, "REDLISTS_EMBEDDING_MIN_SIMILARITY", 0.9))


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


@dataclass(frozen=True)
class Similar:
    kind: int
    pk: int
    similarity: float


class VectorIndex:
    """Every stored vector of one model, one row each, normalised: cosine = one product."""

    def __init__(self, rows):
        """rows: (kind, owner id, float32 bytes)."""
        kinds, owners, vectors = [], [], []
        for kind, owner, raw in rows:
            kinds.append(kind)
            owners.append(owner)
            vectors.append(np.frombuffer(bytes(raw), dtype="<f4"))
        self.kinds = np.array(kinds, dtype=np.uint8)
        self.owners = np.array(owners, dtype=np.int64)
        self.matrix = np.vstack(vectors) if vectors else np.zeros((0, 1), np.float32)

    def __len__(self) -> int:
        return len(self.owners)

    def most_similar(self, vector, *, limit: int, minimum: float, kinds) -> list[Similar]:
        if not len(self) or self.matrix.shape[1] != len(vector):
            return []
        similarity = self.matrix @ vector
        similarity[~np.isin(self.kinds, np.array(list(kinds), dtype=np.uint8))] = -1
        best = np.argsort(-similarity)[:limit]
        return [
            Similar(int(self.kinds[r]), int(self.owners[r]), round(float(similarity[r]), 3))
            for r in best.tolist()
            if similarity[r] >= minimum
        ]


_vectors_lock = threading.Lock()
_vectors: dict[str, object] = {"index": None, "key": None}


def current_vectors(model: EmbeddingModel, load_rows) -> VectorIndex:
    key = (model.name, index_version())
    with _vectors_lock:
        if _vectors["key"] != key:
            _vectors.update(index=VectorIndex(load_rows(model.name)), key=key)
        return _vectors["index"]
