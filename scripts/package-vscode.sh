#!/usr/bin/env bash
# Builds the VS Code extension (integrations/vscode) into a .vsix, the zip that
# `code --install-extension` takes, without vsce or npm: python3's zipfile is all it needs.
#
#   scripts/package-vscode.sh [OUTPUT_DIRECTORY]     (default: .build/vscode)
#
# The archive has the layout vsce produces: `extension.vsixmanifest` and `[Content_Types].xml`
# at the root, the extension under `extension/`. The grammar is copied from
# grammar/baton.tmLanguage.json (its one source of truth) into extension/syntaxes/. Tests
# (integrations/vscode/test) are left out. The build is deterministic: entries sorted, every
# timestamp 1980-01-01, fixed permissions. Prints the path of the .vsix.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
output="${1:-$root/.build/vscode}"
mkdir -p "$output"
output="$(cd "$output" && pwd)"

python3 - "$root" "$output" <<'PY'
import json
import os
import sys
import zipfile
from xml.sax.saxutils import escape, quoteattr

root, output = sys.argv[1], sys.argv[2]
extension = os.path.join(root, "integrations", "vscode")
with open(os.path.join(extension, "package.json"), encoding="utf-8") as f:
    manifest = json.load(f)

files = {}  # path in the archive -> bytes


def add(archive_path, source):
    with open(source, "rb") as f:
        files[archive_path] = f.read()


for name in ["package.json", "README.md", "language-configuration.json"]:
    add(f"extension/{name}", os.path.join(extension, name))
for directory, _, names in os.walk(os.path.join(extension, "src")):
    for name in names:
        if name.endswith(".js"):
            source = os.path.join(directory, name)
            add("extension/" + os.path.relpath(source, extension).replace(os.sep, "/"), source)
grammar_path = manifest["contributes"]["grammars"][0]["path"]
add("extension/" + os.path.normpath(grammar_path).replace(os.sep, "/"), os.path.join(root, "grammar", "baton.tmLanguage.json"))

version = manifest["version"]
properties = [
    ("Microsoft.VisualStudio.Code.Engine", manifest["engines"]["vscode"]),
    ("Microsoft.VisualStudio.Code.ExtensionDependencies", ""),
    ("Microsoft.VisualStudio.Code.ExtensionPack", ""),
    ("Microsoft.VisualStudio.Code.ExtensionKind", "workspace"),
    ("Microsoft.VisualStudio.Code.LocalizedLanguages", ""),
    ("Microsoft.VisualStudio.Services.GitHubFlavoredMarkdown", "true"),
    ("Microsoft.VisualStudio.Services.Content.Pricing", "Free"),
]
property_lines = "\n".join(f"      <Property Id={quoteattr(k)} Value={quoteattr(v)} />" for k, v in properties)
files["extension.vsixmanifest"] = f"""<?xml version="1.0" encoding="utf-8"?>
<PackageManifest Version="2.0.0" xmlns="http://schemas.microsoft.com/developer/vsx-schema/2011" xmlns:d="http://schemas.microsoft.com/developer/vsx-schema-design/2011">
  <Metadata>
    <Identity Language="en-US" Id={quoteattr(manifest["name"])} Version={quoteattr(version)} Publisher={quoteattr(manifest["publisher"])} />
    <DisplayName>{escape(manifest.get("displayName", manifest["name"]))}</DisplayName>
    <Description xml:space="preserve">{escape(manifest.get("description", ""))}</Description>
    <Tags>{escape(",".join(manifest.get("keywords", [])))}</Tags>
    <Categories>{escape(",".join(manifest.get("categories", [])))}</Categories>
    <GalleryFlags>Public</GalleryFlags>
    <Properties>
{property_lines}
    </Properties>
  </Metadata>
  <Installation>
    <InstallationTarget Id="Microsoft.VisualStudio.Code" />
  </Installation>
  <Dependencies />
  <Assets>
    <Asset Type="Microsoft.VisualStudio.Code.Manifest" Path="extension/package.json" Addressable="true" />
    <Asset Type="Microsoft.VisualStudio.Services.Content.Details" Path="extension/README.md" Addressable="true" />
  </Assets>
</PackageManifest>
""".encode("utf-8")

content_types = {".json": "application/json", ".js": "application/javascript", ".md": "text/markdown", ".vsixmanifest": "text/xml"}
extensions = sorted({os.path.splitext(p)[1] for p in files})
missing = [e for e in extensions if e not in content_types]
if missing:
    sys.exit(f"package-vscode: no content type for {missing}")
defaults = "".join(f'<Default Extension="{e}" ContentType="{content_types[e]}"/>' for e in extensions)
files["[Content_Types].xml"] = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    f'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{defaults}</Types>\n'
).encode("utf-8")

target = os.path.join(output, f'{manifest["name"]}-{version}.vsix')
temporary = target + ".partial"
with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
    for name in sorted(files):
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        info.create_system = 3
        archive.writestr(info, files[name])
os.replace(temporary, target)
print(target)
PY
