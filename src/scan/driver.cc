#include "scan/driver.h"

#include <sys/resource.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "scan/file_check.h"
#include "scan/set_state.h"
#include "scan/source_lines.h"
#include "scan/suppressions.h"
#include "scan/walk.h"

namespace vern {

namespace {

// Runs `check_file` on `jobs` threads, the caller's included, and hands results
// back in input order, with a bounded number in flight so memory stays flat.
// The caller works through queued files while the result it needs next is not
// ready, so --jobs N keeps N cores busy with N threads (not N + 1 competing),
// and it sleeps only when that result is the last one being worked on.
class Pool {
 public:
  Pool(const ScanOptions& options, int jobs, bool source_lines, const Reporter* render)
      : m_options(options), m_source_lines(source_lines), m_render(render) {
    m_garbage.resize(std::size_t(std::max(jobs - 1, 0)));
    for (int i = 1; i < jobs; ++i) m_threads.emplace_back([this, i] { work(i); });
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(m_mu);
      m_stop = true;
    }
    m_cv_task.notify_all();
    for (std::thread& t : m_threads) t.join();
  }
  size_t in_flight() const { return m_submitted - m_taken; }
  void submit(WalkItem item) {
    {
      std::lock_guard<std::mutex> lock(m_mu);
      m_tasks.push_back({m_submitted++, std::move(item)});
    }
    m_cv_task.notify_one();
  }
  // The next result in order; blocks until it is ready. REQUIRES in_flight() > 0.
  FileResult take() {
    std::unique_lock<std::mutex> lock(m_mu);
    while (true) {
      auto it = m_done.find(m_taken);
      if (it != m_done.end()) {
        FileResult r = std::move(it->second);
        m_done.erase(it);
        ++m_taken;
        return r;
      }
      if (m_tasks.empty()) {
        m_cv_done.wait(lock);
        continue;
      }
      run_one(lock, 0);
    }
  }

  // Takes back a result the caller is done with, to be freed by the thread
  // that allocated it: freeing another thread's memory costs the allocator
  // far more than its own.
  void recycle(FileResult r) {
    if (r.maker == 0) return;
    std::lock_guard<std::mutex> lock(m_mu);
    m_garbage[std::size_t(r.maker - 1)].push_back(std::move(r));
  }

 private:
  void work(int index) {
    std::unique_lock<std::mutex> lock(m_mu);
    while (true) {
      m_cv_task.wait(lock, [&] { return m_stop || !m_tasks.empty(); });
      if (m_tasks.empty()) return;
      run_one(lock, index);
    }
  }

  // Processes the oldest queued file with the lock released, after freeing
  // what the caller handed back to this thread. REQUIRES the lock held and a
  // task queued; returns with the lock held.
  void run_one(std::unique_lock<std::mutex>& lock, int index) {
    std::pair<size_t, WalkItem> task = std::move(m_tasks.front());
    m_tasks.pop_front();
    std::vector<FileResult> garbage;
    if (index > 0) garbage.swap(m_garbage[std::size_t(index - 1)]);
    lock.unlock();
    garbage.clear();
    FileResult r = check_file(task.second, m_options, m_source_lines, m_render);
    r.maker = index;
    lock.lock();
    m_done.emplace(task.first, std::move(r));
    // Only the result the caller waits for is worth waking it.
    if (task.first == m_taken) m_cv_done.notify_one();
  }

  const ScanOptions& m_options;
  const bool m_source_lines;
  const Reporter* const m_render;
  std::mutex m_mu;
  std::condition_variable m_cv_task;
  std::condition_variable m_cv_done;
  std::deque<std::pair<size_t, WalkItem>> m_tasks;
  std::map<size_t, FileResult> m_done;
  std::vector<std::vector<FileResult>> m_garbage;  // per worker: results to free
  std::vector<std::thread> m_threads;
  size_t m_submitted = 0;
  size_t m_taken = 0;
  bool m_stop = false;
};

class Emitter {
 public:
  Emitter(const ScanOptions& options, Reporter& reporter)
      : m_options(options), m_rep(reporter), m_set(options.config) {}

  void error(const Error& e) {
    m_out.had_errors = true;
    ++m_out.summary.errors;
    m_rep.add_error(e);
  }

  // Reports one file's results. What is not kept is left in `r` for the
  // caller to free where it was made.
  void file(FileResult& r) {
    for (const Error& e : r.errors) error(e);
    if (!r.recognised) return;
    ++m_out.summary.files_scanned;
    m_out.summary.objects_checked += r.objects;
    m_out.summary.suppressed += r.suppressed;
    for (int s = 0; s < k_severity_count; ++s) count(Severity(s), r.counts[s]);
    m_set.add(r.set_part);
    if (!r.rendered.empty()) {
      m_rep.add_rendered(r.rendered, r.findings.size());
    } else if (!r.findings.empty()) {
      m_rep.add_file(r.path, r.findings);
    }
    if (!r.suppressions.empty()) m_suppressions[r.path] = std::move(r.suppressions);
  }

  ScanOutcome finish() {
    // Aggregate findings are few (about one per namespace): they wait to join
    // the per-workload findings of their file, which stream in file order.
    std::map<std::string, std::vector<Finding>> held;
    std::vector<std::string> order;
    for (Finding& f : m_set.aggregate_findings()) {
      auto [it, first] = held.try_emplace(f.file);
      if (first) order.push_back(f.file);
      it->second.push_back(std::move(f));
    }
    std::string current;
    std::vector<Finding> group;
    auto flush = [&] {
      if (group.empty()) return;
      if (auto h = held.find(current); h != held.end()) {
        group.insert(group.end(), std::make_move_iterator(h->second.begin()),
                     std::make_move_iterator(h->second.end()));
        held.erase(h);
      }
      report_set_findings(current, group);
      group.clear();
    };
    m_set.workload_findings([&](std::vector<Finding>& batch) {
      for (Finding& f : batch) {
        if (f.file != current) {
          flush();
          current = f.file;
        }
        group.push_back(std::move(f));
      }
    });
    flush();
    for (const std::string& file : order) {
      if (auto h = held.find(file); h != held.end()) report_set_findings(file, h->second);
    }
    std::vector<UnusedSuppression> unused;
    for (auto& [file, list] : m_suppressions) {
      for (const Suppression& s : list) {
        if (!s.used) unused.push_back({s.file, s.where.line, s.where.column, s.rule});
      }
    }
    m_rep.finish(m_out.summary, unused);
    return m_out;
  }

 private:
  // Removes from `found` what `suppressions` cover (tallied) and counts the
  // rest; returns `found`.
  std::vector<Finding>& drop_suppressed(std::vector<Suppression>& suppressions,
                                        std::vector<Finding>& found) {
    m_out.summary.suppressed += remove_suppressed(suppressions, found);
    for (const Finding& f : found) count(f);
    return found;
  }

  // Source lines for findings made after the file's text was let go.
  void add_source_lines(const std::string& file, std::vector<Finding>& list) const {
    if (!m_rep.shows_source_lines()) return;
    if (Result<std::string> content = read_file(file, m_options.max_file_bytes)) {
      fill_source_lines(*content, list);
    }
  }

  // Reports set-level findings of one file, after its suppressions.
  void report_set_findings(const std::string& file, std::vector<Finding>& found) {
    std::vector<Suppression> none;
    auto s = m_suppressions.find(file);
    std::vector<Finding>& kept =
        drop_suppressed(s != m_suppressions.end() ? s->second : none, found);
    if (kept.empty()) return;
    add_source_lines(file, kept);
    sort_findings(kept);
    m_rep.add_file(file, kept);
  }

  void count(const Finding& f) { count(f.severity, 1); }
  void count(Severity s, int n) {
    if (n == 0) return;
    m_out.summary.counts[static_cast<int>(s)] += n;
    if (!m_out.worst || s > *m_out.worst) m_out.worst = s;
  }

  const ScanOptions& m_options;
  Reporter& m_rep;
  ScanOutcome m_out;
  SetState m_set;
  std::map<std::string, std::vector<Suppression>> m_suppressions;
};

// How many files may be queued or done but not yet reported: enough to keep
// `jobs` threads busy, and few enough that the folders queued files hold open
// (one each at most, besides the walk's own and the files being read) stay
// within the process's descriptor limit.
size_t files_in_flight(int jobs) {
  size_t want = size_t(jobs) * 16;
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return want;
  // Kept free: the standard streams, the workload spill, folders on the walk's
  // stack, and one file being read per thread.
  const rlim_t reserve = 64 + rlim_t(jobs);
  size_t room = limit.rlim_cur > reserve ? size_t(limit.rlim_cur - reserve) : 1;
  return std::max<size_t>(1, std::min(want, room));
}

}  // namespace

bool apply_config(const Config& config, Finding& f) {
  if (config.disabled_rules.count(f.rule)) return false;
  auto it = config.severity_overrides.find(f.rule);
  if (it != config.severity_overrides.end()) f.severity = it->second;
  return true;
}

ScanOutcome run_scan(const ScanOptions& options, Reporter& reporter) {
  std::vector<std::string> paths =
      options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  Walker walker(paths, options.config.ignore_paths);
  Emitter emit(options, reporter);
  reporter.begin();
  std::optional<Error> err;
  const Reporter* render = reporter.renders_ahead() ? &reporter : nullptr;
  if (options.jobs <= 1) {
    while (true) {
      std::optional<WalkItem> item = walker.next(err);
      if (err) {
        emit.error(*err);
        continue;
      }
      if (!item) break;
      FileResult r = check_file(*item, options, reporter.shows_source_lines(), render);
      emit.file(r);
    }
    return emit.finish();
  }
  Pool pool(options, options.jobs, reporter.shows_source_lines(), render);
  const size_t window = files_in_flight(options.jobs);
  bool walking = true;
  while (walking || pool.in_flight() > 0) {
    while (walking && pool.in_flight() < window) {
      std::optional<WalkItem> item = walker.next(err);
      if (err) {
        // Errors of the walk are reported once everything before them is out.
        while (pool.in_flight() > 0) {
          FileResult r = pool.take();
          emit.file(r);
          pool.recycle(std::move(r));
        }
        emit.error(*err);
        continue;
      }
      if (!item) {
        walking = false;
        break;
      }
      pool.submit(std::move(*item));
    }
    if (pool.in_flight() > 0) {
      FileResult r = pool.take();
      emit.file(r);
      pool.recycle(std::move(r));
    }
  }
  return emit.finish();
}

}  // namespace vern
