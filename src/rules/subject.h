// Naming and reading helpers for rules that look at containers: how a message
// names the container it is about, which spelling of a setting a workload
// uses, and the list of images a workload references.
#pragma once

#include <string>
#include <vector>

#include "model/workload.h"

namespace vern {

// The container a finding is about, quoted for a message: `container "app"`,
// `init container "setup"` (Kubernetes), `service "web"` (Compose),
// `stage "build"`, or the workload's kind alone when it has no name
// (`docker run`).
std::string subject(const Workload& w, const Container& c);

// The workload alone, quoted: `service "web"`, `Deployment "prod/web"`.
std::string workload_subject(const Workload& w);

// Who mounts the host path of `v`, for the mount rules' messages: the pod
// volume (`volume "docker"`) in Kubernetes, else the workload
// (`service "web"`), naming the Compose volume that binds the host path
// (`service "web" through volume "data"`) when the mount is of a named volume.
std::string mounter(const Workload& w, const Volume& v);

// True iff the workload carries Kubernetes securityContext spellings
// (runAsNonRoot, allowPrivilegeEscalation, pod volume types): Kubernetes
// manifests, and admission requests (enforcement workloads that have an
// apiVersion). A Docker authorization request is an enforcement workload
// without one and uses the Docker spellings.
bool kubernetes_semantics(const Workload& w);

// An image reference of a workload and what uses it: a container, an image
// volume, or neither (the FROM of an earlier Dockerfile stage).
struct ImageUse {
  const Located<ImageRef>* image;
  const Container* container = nullptr;
  const Volume* volume = nullptr;
};

// Which references image_uses() returns: pullable images (literal and
// ImageRef::is_image()), or also those with unresolved variables, for rules
// that judge what is written after them (a tag, a digest).
enum class ImageUses { pullable, with_variables };
// Every image the workload names: each container's image, then
// Workload::other_images, then the references of image volumes.
std::vector<ImageUse> image_uses(const Workload& w, ImageUses which = ImageUses::pullable);

// The image of `use`, named for a message with what uses it:
// `container "app": image "nginx:1.25"`, `volume "tools": image "kit:1"`
// (Kubernetes), `service "web": mounted image "kit:1"` (Compose), or
// `image "golang:1.22"` alone.
std::string image_subject(const Workload& w, const ImageUse& use);

}  // namespace vern
