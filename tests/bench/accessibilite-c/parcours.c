/*
 * Issue 15: the 2SFCA's tree walk (server/spatial/accessibilite.ts, `contributionsArbre` then
 * `finirAccessibiliteArbre`) ported line by line to C, to measure what a native kernel would bring. Same data, same
 * operations in the same order (compile with -ffp-contract=off: no fused multiply-add), so the same bits. Driven by
 * tests/bench/accessibilite-c.ts, which writes the arrays into the folder given as first argument.
 * Usage: parcours DOSSIER RAYON_KM REPETITIONS; prints the best time in ms, and writes DOSSIER/resultat.bin.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *dossier;

static void *lire(const char *nom, long *octets) {
  char chemin[4096];
  snprintf(chemin, sizeof chemin, "%s/%s.bin", dossier, nom);
  FILE *f = fopen(chemin, "rb");
  if (!f) { perror(chemin); exit(2); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  void *b = malloc(n > 0 ? n : 1);
  if (fread(b, 1, n, f) != (size_t)n) { perror(chemin); exit(2); }
  fclose(f);
  if (octets) *octets = n;
  return b;
}

static double maintenant(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* geo.ts chord2FromKm: 2·sin(θ/2) squared, θ = km / R. */
static double chord2(double km) {
  double c = 2 * sin(km / 6371.0088 / 2);
  return c * c;
}

static inline double plusGrand(double a, double b) { return a > b ? a : b; }

static int nbNoeuds, nbSlots, nbLieux;
static double *boites, *sommes, *coords, *populationSlot, *coordsLieux, *offreLieux;
static int32_t *saut, *debut, *fin, *median, *parent, *idsLieux, *idsCommunes;
static uint8_t *axes;

static void contributions(double rayonKm, int partie, double *parNoeud, double *parSlot, int32_t *noeudsPlace, int32_t *slotsPlace) {
  double r2a = chord2(rayonKm / 2), r2b = chord2(rayonKm), r2c = chord2(1.5 * rayonKm);
  int t = 0;
  for (int rang = 0; t < nbLieux; rang++) {
    double qx = coordsLieux[3 * t], qy = coordsLieux[3 * t + 1], qz = coordsLieux[3 * t + 2];
    double offre = offreLieux[idsLieux[t]];
    int suivant = t + 1;
    while (suivant < nbLieux && coordsLieux[3 * suivant] == qx && coordsLieux[3 * suivant + 1] == qy && coordsLieux[3 * suivant + 2] == qz)
      offre += offreLieux[idsLieux[suivant++]];
    t = suivant;
    if (rang % 2 != partie) continue;
    int nbN = 0, nbS = 0;
    double demande3 = 0;
    int p = 0;
    for (int m = median[0]; m >= 0; m = median[p]) {
      int axe = axes[m];
      double ecart = coords[3 * m + axe] - (axe == 0 ? qx : axe == 1 ? qy : qz);
      if (!(ecart * ecart > r2c)) break;
      p = ecart > 0 ? p + 1 : saut[p + 1];
    }
    int finSousArbre = saut[p];
    while (p < finSousArbre) {
      const double *b = boites + 6 * p;
      double lo = b[0] - qx, hi = b[3] - qx;
      double e = plusGrand(plusGrand(lo, -hi), 0), f = plusGrand(-lo, hi);
      double min = e * e, max = f * f;
      lo = b[1] - qy; hi = b[4] - qy;
      e = plusGrand(plusGrand(lo, -hi), 0); f = plusGrand(-lo, hi);
      min += e * e; max += f * f;
      lo = b[2] - qz; hi = b[5] - qz;
      e = plusGrand(plusGrand(lo, -hi), 0); f = plusGrand(-lo, hi);
      min += e * e; max += f * f;
      if (min > r2c) { p = saut[p]; continue; }
      int kMin = (max <= r2a) + (max <= r2b) + (max <= r2c);
      int kMax = (min <= r2a) + (min <= r2b) + 1;
      if (kMin == kMax) {
        noeudsPlace[nbN++] = p * 4 + kMin;
        demande3 += kMin * sommes[p];
        p = saut[p];
        continue;
      }
      int m = median[p];
      for (int s = m < 0 ? debut[p] : m, dernier = m < 0 ? fin[p] : m; s <= dernier; s++) {
        double dx = coords[3 * s] - qx, dy = coords[3 * s + 1] - qy, dz = coords[3 * s + 2] - qz;
        double d2 = dx * dx + dy * dy + dz * dz;
        int k = (d2 <= r2a) + (d2 <= r2b) + (d2 <= r2c);
        slotsPlace[nbS] = s * 4 + k;
        nbS += k != 0;
        demande3 += k * populationSlot[s];
      }
      p++;
    }
    if (demande3 == 0) continue;
    double ratio = offre / (demande3 / 3);
    for (int e = 0; e < nbN; e++) parNoeud[noeudsPlace[e] >> 2] += (noeudsPlace[e] & 3) * ratio;
    for (int e = 0; e < nbS; e++) parSlot[slotsPlace[e] >> 2] += (slotsPlace[e] & 3) * ratio;
  }
}

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: %s DOSSIER RAYON_KM REPETITIONS\n", argv[0]); return 2; }
  dossier = argv[1];
  double rayonKm = atof(argv[2]);
  int repetitions = atoi(argv[3]);
  long octets;
  boites = lire("boites", &octets); nbNoeuds = octets / 48;
  sommes = lire("sommes", 0); saut = lire("saut", 0); debut = lire("debut", 0); fin = lire("fin", 0);
  median = lire("median", 0); parent = lire("parent", 0);
  coords = lire("coords", &octets); nbSlots = octets / 24;
  axes = lire("axes", 0); populationSlot = lire("population", 0); idsCommunes = lire("ids", 0);
  coordsLieux = lire("coordsLieux", &octets); nbLieux = octets / 24;
  idsLieux = lire("idsLieux", 0); offreLieux = lire("offreLieux", 0);
  int32_t *noeudsPlace = malloc(4 * (size_t)nbNoeuds), *slotsPlace = malloc(4 * (size_t)nbSlots);
  double *accessibilite = malloc(8 * (size_t)nbSlots);
  double meilleur = INFINITY;
  for (int r = 0; r < repetitions; r++) {
    double debutMs = maintenant();
    double *parNoeud[2], *parSlot[2];
    for (int partie = 0; partie < 2; partie++) {
      parNoeud[partie] = calloc(nbNoeuds, 8);
      parSlot[partie] = calloc(nbSlots, 8);
      contributions(rayonKm, partie, parNoeud[partie], parSlot[partie], noeudsPlace, slotsPlace);
    }
    for (int p = 0; p < nbNoeuds; p++) parNoeud[0][p] += parNoeud[1][p];
    for (int s = 0; s < nbSlots; s++) parSlot[0][s] += parSlot[1][s];
    for (int p = 0; p < nbNoeuds; p++) {
      double h = (parent[p] >= 0 ? parNoeud[0][parent[p]] : 0) + parNoeud[0][p];
      parNoeud[0][p] = h;
      int m = median[p];
      for (int s = m < 0 ? debut[p] : m, dernier = m < 0 ? fin[p] : m; s <= dernier; s++)
        accessibilite[idsCommunes[s]] = ((h + parSlot[0][s]) * 10000) / 3;
    }
    double ms = maintenant() - debutMs;
    if (ms < meilleur) meilleur = ms;
    for (int partie = 0; partie < 2; partie++) { free(parNoeud[partie]); free(parSlot[partie]); }
  }
  char chemin[4096];
  snprintf(chemin, sizeof chemin, "%s/resultat.bin", dossier);
  FILE *f = fopen(chemin, "wb");
  fwrite(accessibilite, 8, nbSlots, f);
  fclose(f);
  printf("%.2f\n", meilleur);
  return 0;
}
