// Test helpers that write images in memory: layer tars (libarchive), gzip and
// zstd compression, and `docker save` / OCI archives and layouts around them,
// so unit tests need no daemon, registry or fixture files.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "image/digest.h"

namespace vern::test {

struct TarEntry {
  TarEntry(std::string p, char t = 'f', std::string d = {}, unsigned m = 0644, std::string l = {})
      : path(std::move(p)), type(t), data(std::move(d)), mode(m), link(std::move(l)) {}
  std::string path;
  char type;  // f file, d dir, l symlink, h hard link
  std::string data;
  unsigned mode;
  std::string link;
};

inline la_ssize_t append_cb(archive*, void* ctx, const void* buf, size_t n) {
  static_cast<std::string*>(ctx)->append(static_cast<const char*>(buf), n);
  return la_ssize_t(n);
}

// A plain (uncompressed) pax tar of `entries`, in order.
inline std::string make_tar(const std::vector<TarEntry>& entries) {
  std::string out;
  archive* a = archive_write_new();
  archive_write_set_format_pax_restricted(a);
  archive_write_set_bytes_in_last_block(a, 1);
  archive_write_open(a, &out, nullptr, append_cb, nullptr);
  for (const TarEntry& e : entries) {
    archive_entry* ae = archive_entry_new();
    archive_entry_set_pathname(ae, e.path.c_str());
    archive_entry_set_perm(ae, e.mode);
    switch (e.type) {
      case 'd':
        archive_entry_set_filetype(ae, AE_IFDIR);
        break;
      case 'l':
        archive_entry_set_filetype(ae, AE_IFLNK);
        archive_entry_set_symlink(ae, e.link.c_str());
        break;
      case 'h':
        archive_entry_set_filetype(ae, AE_IFREG);
        archive_entry_set_hardlink(ae, e.link.c_str());
        break;
      default:
        archive_entry_set_filetype(ae, AE_IFREG);
        archive_entry_set_size(ae, la_int64_t(e.data.size()));
    }
    archive_write_header(a, ae);
    if (e.type == 'f' && !e.data.empty()) archive_write_data(a, e.data.data(), e.data.size());
    archive_entry_free(ae);
  }
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

inline std::string gzip(const std::string& in) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, uLong(in.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = uInt(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = uInt(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string zstd(const std::string& in) {
  std::string out(ZSTD_compressBound(in.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), in.data(), in.size(), 3));
  return out;
}

inline std::string hex_of(const std::string& digest) { return digest.substr(7); }

// An image config with these diff_ids; `config` is the JSON of its "config" object.
inline std::string make_config(const std::vector<std::string>& plain_layers,
                               const std::string& config = "{}") {
  std::string ids;
  std::string history;
  for (const std::string& l : plain_layers) {
    ids += (ids.empty() ? "\"" : ",\"") + sha256_digest(l) + "\"";
    history += std::string(history.empty() ? "" : ",") + "{\"created_by\":\"RUN step\"}";
  }
  return R"({"architecture":"amd64","os":"linux","config":)" + config +
         R"(,"rootfs":{"type":"layers","diff_ids":[)" + ids + "]},\"history\":[" + history + "]}";
}

// A `docker save` archive in the legacy layout (manifest.json last).
inline std::string docker_archive(const std::vector<std::string>& plain_layers,
                                  const std::string& config, const std::string& tag) {
  std::vector<TarEntry> entries;
  std::string layers;
  for (const std::string& l : plain_layers) {
    std::string name = hex_of(sha256_digest(l)) + "/layer.tar";
    entries.push_back({name, 'f', l});
    layers += (layers.empty() ? "\"" : ",\"") + name + "\"";
  }
  std::string cfg = hex_of(sha256_digest(config)) + ".json";
  entries.push_back({cfg, 'f', config});
  entries.push_back({"manifest.json", 'f',
                     "[{\"Config\":\"" + cfg + "\",\"RepoTags\":[\"" + tag + "\"],\"Layers\":[" +
                         layers + "]}]"});
  return make_tar(entries);
}

inline std::string descriptor(const std::string& media, const std::string& blob,
                              const std::string& extra = "") {
  return "{\"mediaType\":\"" + media + "\",\"digest\":\"" + sha256_digest(blob) +
         "\",\"size\":" + std::to_string(blob.size()) + extra + "}";
}

// The files of an OCI layout holding one image: path -> content.
inline std::vector<TarEntry> oci_files(
    const std::vector<std::string>& stored_layers, const std::string& config,
    const std::string& tag,
    const std::string& layer_media = "application/vnd.oci.image.layer.v1.tar+gzip") {
  std::vector<TarEntry> files;
  std::string layers;
  for (const std::string& l : stored_layers) {
    files.push_back({"blobs/sha256/" + hex_of(sha256_digest(l)), 'f', l});
    layers += (layers.empty() ? "" : ",") + descriptor(layer_media, l);
  }
  files.push_back({"blobs/sha256/" + hex_of(sha256_digest(config)), 'f', config});
  std::string manifest =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
      "\"config\":" +
      descriptor("application/vnd.oci.image.config.v1+json", config) + ",\"layers\":[" + layers +
      "]}";
  files.push_back({"blobs/sha256/" + hex_of(sha256_digest(manifest)), 'f', manifest});
  files.push_back(
      {"index.json", 'f',
       "{\"schemaVersion\":2,\"manifests\":[" +
           descriptor("application/vnd.oci.image.manifest.v1+json", manifest,
                      ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + tag +
                          "\"},\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}") +
           "]}"});
  files.push_back({"oci-layout", 'f', "{\"imageLayoutVersion\":\"1.0.0\"}"});
  return files;
}

inline void write_files(const std::filesystem::path& dir, const std::vector<TarEntry>& files) {
  for (const TarEntry& f : files) {
    std::filesystem::create_directories((dir / f.path).parent_path());
    std::ofstream(dir / f.path, std::ios::binary) << f.data;
  }
}

// A fresh, empty folder under the test temp dir.
// The process id keeps tests that CTest runs in parallel (one process each)
// from removing each other's files.
inline std::filesystem::path temp_dir(const std::string& name) {
  std::filesystem::path p = std::filesystem::path(::testing::TempDir()) /
                            ("vern_image_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p;
}

}  // namespace vern::test
