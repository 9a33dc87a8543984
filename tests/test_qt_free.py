"""The model, layout, io and collab layers import with Qt made unimportable."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError(f'{name} is blocked in this test')
        return None
sys.meta_path.insert(0, Block())
import journeymapper.model, journeymapper.io, journeymapper.layout, journeymapper.templates
import journeymapper.collab
import pkgutil, importlib
for pkg in (journeymapper.model, journeymapper.io, journeymapper.layout, journeymapper.collab):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):
        importlib.import_module(info.name)
loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]
assert not loaded, loaded
print('qt-free')
"""


def test_model_io_layout_import_without_qt():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "qt-free"
