/* bench/rusage.c: run a command and report what the kernel accounted to it.
 *
 * Usage: rusage REPORT CMD [ARG...]
 * Runs CMD (stdin, stdout and stderr inherited), then writes one line to the file REPORT:
 * "CPU_MS MAXRSS_KB", CPU_MS being user+sys time in milliseconds with microsecond
 * digits, from wait4. Exits with CMD's exit status (128+N when signal N killed it).
 *
 * Why not GNU time: its %U and %S are truncated to 10 ms each, which on a 40 ms native run
 * loses up to half of it and inflates every gosub/native ratio. This program is tiny, so
 * the fork it execs from adds almost nothing to MAXRSS (exec keeps the high-water mark of
 * the forked image; a Python or Go wrapper would add its own megabytes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: rusage REPORT CMD [ARG...]\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("rusage: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror("rusage: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("rusage: wait4");
        return 2;
    }
    double ms = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
                (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    FILE *f = fopen(argv[1], "w");
    if (f == NULL) {
        perror("rusage: report"); /* the command's status still goes back */
    } else {
        fprintf(f, "%.3f %ld\n", ms, ru.ru_maxrss);
        fclose(f);
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 2;
}
