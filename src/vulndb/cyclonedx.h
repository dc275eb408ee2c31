// CycloneDX and vulnerabilities: reading the packages of a CycloneDX JSON
// SBOM (vern's own or another tool's) for matching, and adding a
// `vulnerabilities` array to one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/package.h"
#include "model/vulnerability.h"
#include "util/result.h"

namespace vern::vulndb {

// The OS packages of a CycloneDX JSON document: components whose purl is
// pkg:deb, pkg:apk or pkg:rpm. The OS comes from an operating-system
// component, else from a purl's `distro` qualifier; the source package from
// the `upstream` qualifier or the properties vern (vern:source-name,
// vern:source-version), Trivy (aquasecurity:trivy:SrcName, SrcVersion) and
// Syft write. `name` labels errors. Error when the text is not a CycloneDX
// JSON document.
Result<PackageInventory> read_cyclonedx_packages(std::string_view text, std::string_view name);

// `sbom` with a CycloneDX 1.5 `vulnerabilities` array listing `matches`
// (one entry per advisory, `affects` pointing at the components by bom-ref,
// matched on name and version). Error when `sbom` is not JSON.
Result<std::string> add_cyclonedx_vulnerabilities(std::string_view sbom,
                                                  const std::vector<VulnerabilityMatch>& matches);

}  // namespace vern::vulndb
