// glassbox-bandwidth: memory bandwidth as decoding sees it, to turn tokens/s into "fraction of the
// bound". Decoding one token streams every weight once, read-only, so the number that matters is
// the read-only streaming rate; a STREAM-style triad (a = b + s*c) is printed next to it.
//
//   glassbox-bandwidth [--mib 1024] [--threads 1,2] [--reps 5]
//   → {"buffer_bytes":…,"results":[{"threads":1,"read_gbs":…,"read_gbs_median":…,"triad_gbs":…,…},…]}
//
// GB/s are 1e9 bytes per second: read counts the buffer once; triad counts 3 arrays of a third of
// the buffer each (two read, one written; the write-allocate traffic is not counted, as in STREAM).
// Best of --reps after one untimed pass (which also first-touches the pages with the same threads).
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

double* allocate(size_t n) {
    void* p = nullptr;
    if (posix_memalign(&p, 2 << 20, n * sizeof(double)) != 0) {
        std::fprintf(stderr, "glassbox-bandwidth: cannot allocate %zu bytes\n", n * sizeof(double));
        std::exit(1);
    }
    return static_cast<double*>(p);
}

// Read-only stream: an integer sum of the 64-bit words (one-cycle vector adds, so the loop is
// never latency-bound the way a single floating-point accumulator is), split over the threads.
double readPass(const double* a, size_t n) {
    const uint64_t* w = reinterpret_cast<const uint64_t*>(a);
    uint64_t s = 0;
#pragma omp parallel for simd reduction(+ : s) schedule(static)
    for (size_t i = 0; i < n; ++i) s += w[i];
    return static_cast<double>(s & 0xffff);
}

void triadPass(double* a, const double* b, const double* c, size_t n, double k) {
#pragma omp parallel for simd schedule(static)
    for (size_t i = 0; i < n; ++i) a[i] = b[i] + k * c[i];
}

std::vector<int> parseList(const char* s) {
    std::vector<int> out;
    std::string str(s);
    size_t pos = 0;
    while (pos < str.size()) {
        size_t end = str.find(',', pos);
        if (end == std::string::npos) end = str.size();
        out.push_back(std::atoi(str.substr(pos, end - pos).c_str()));
        pos = end + 1;
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    size_t mib = 1024;
    int reps = 5;
    std::vector<int> threads = {1, 2};
    for (int i = 1; i < argc; ++i) {
        auto value = [&]() -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "glassbox-bandwidth: %s needs a value\n", argv[i]);
                std::exit(2);
            }
            return argv[++i];
        };
        if (!std::strcmp(argv[i], "--mib")) mib = std::strtoull(value(), nullptr, 10);
        else if (!std::strcmp(argv[i], "--threads")) threads = parseList(value());
        else if (!std::strcmp(argv[i], "--reps")) reps = std::max(1, std::atoi(value()));
        else {
            std::fprintf(stderr, "usage: glassbox-bandwidth [--mib 1024] [--threads 1,2] [--reps 5]\n");
            return 2;
        }
    }
    const size_t bytes = mib << 20, n = bytes / sizeof(double), n3 = n / 3;
    double* buf = allocate(n);
    double* a = buf;          // triad: three thirds of the same buffer
    double* b = buf + n3;
    double* c = buf + 2 * n3;

    std::string json = "{\"buffer_bytes\":" + std::to_string(bytes) + ",\"max_threads\":" + std::to_string(omp_get_max_threads()) +
                       ",\"results\":[";
    double sink = 0;
    for (size_t t = 0; t < threads.size(); ++t) {
        const int nt = std::max(1, threads[t]);
        omp_set_num_threads(nt);
#pragma omp parallel for schedule(static)
        for (size_t i = 0; i < n; ++i) buf[i] = static_cast<double>(i & 1023) * 0.5;  // first touch, this thread count
        sink += readPass(buf, n);
        std::vector<double> rd, tr;
        for (int r = 0; r < reps; ++r) {
            auto t0 = Clock::now();
            sink += readPass(buf, n);
            auto t1 = Clock::now();
            rd.push_back(bytes / seconds(t0, t1) / 1e9);
        }
        triadPass(a, b, c, n3, 0.5);
        for (int r = 0; r < reps; ++r) {
            auto t0 = Clock::now();
            triadPass(a, b, c, n3, 0.5 + r);
            auto t1 = Clock::now();
            tr.push_back(3.0 * n3 * sizeof(double) / seconds(t0, t1) / 1e9);
        }
        char line[256];
        std::snprintf(line, sizeof line,
                      "%s{\"threads\":%d,\"read_gbs\":%.2f,\"read_gbs_median\":%.2f,\"triad_gbs\":%.2f,\"triad_gbs_median\":%.2f}",
                      t ? "," : "", nt, *std::max_element(rd.begin(), rd.end()), median(rd), *std::max_element(tr.begin(), tr.end()),
                      median(tr));
        json += line;
    }
    json += "]}";
    std::printf("%s\n", json.c_str());
    std::fprintf(stderr, "(checksum %g)\n", sink + a[n3 / 2]);
    std::free(buf);
    return 0;
}
