# COINr's side of differential.py: for every case folder given, builds the coin from iData.csv and iMeta.csv and
# writes the Aggregated data set of each pipeline below to coinr_<pipeline>.csv (or the error to coinr_<pipeline>.csv.err).
# Usage: Rscript coinr_side.R ROOT CASE[,CASE...]
suppressMessages(library(COINr))
args <- commandArgs(trailingOnly = TRUE)
root <- args[1]
cases <- as.integer(strsplit(args[2], ",")[[1]])
quiet <- function(e) suppressWarnings(suppressMessages(e))
minmax <- function(l, u) list(f_n = "n_minmax", f_n_para = list(l_u = c(l, u)))
plain <- function(f) list(f_n = f)
pipelines <- list(
  mm_am = list(norm = minmax(0, 100), agg = "a_amean"),
  mm1_gm = list(norm = minmax(1, 100), agg = "a_gmean"),
  mm1_hm = list(norm = minmax(1, 100), agg = "a_hmean"),
  z_am = list(norm = list(f_n = "n_zscore", f_n_para = list(m_sd = c(0, 1))), agg = "a_amean"),
  rank_am = list(norm = plain("n_rank"), agg = "a_amean"),
  borda_am = list(norm = plain("n_borda"), agg = "a_amean"),
  prank_am = list(norm = plain("n_prank"), agg = "a_amean"),
  d2max_am = list(norm = plain("n_dist2max"), agg = "a_amean"),
  frac_am = list(norm = plain("n_fracmax"), agg = "a_amean"),
  imp_mean = list(pre = function(coin) list(quiet(Impute(coin, dset = "Raw", f_i = "i_mean")), "Imputed")),
  imp_median = list(pre = function(coin) list(quiet(Impute(coin, dset = "Raw", f_i = "i_median")), "Imputed")),
  treat = list(pre = function(coin) list(quiet(Treat(coin, dset = "Raw")), "Treated")),
  imp_treat = list(pre = function(coin) {
    coin <- quiet(Impute(coin, dset = "Raw", f_i = "i_mean"))
    list(quiet(Treat(coin, dset = "Imputed")), "Treated")
  }),
  screen = list(pre = function(coin) list(quiet(Screen(coin, dset = "Raw", unit_screen = "byNA", dat_thresh = 0.8)), "Screened"))
)
for (case in cases) {
  folder <- file.path(root, sprintf("c%d", case))
  read <- function(name) read.csv(file.path(folder, name), check.names = FALSE, stringsAsFactors = FALSE, na.strings = c("", "NA"))
  iData <- read("iData.csv")
  iMeta <- read("iMeta.csv")
  for (name in names(pipelines)) {
    p <- pipelines[[name]]
    out <- file.path(folder, paste0("coinr_", name, ".csv"))
    tryCatch({
      coin <- quiet(new_coin(iData, iMeta, quietly = TRUE))
      dset <- "Raw"
      if (!is.null(p$pre)) { r <- p$pre(coin); coin <- r[[1]]; dset <- r[[2]] }
      norm <- if (is.null(p$norm)) minmax(0, 100) else p$norm
      coin <- quiet(Normalise(coin, dset = dset, global_specs = norm))
      coin <- quiet(Aggregate(coin, dset = "Normalised", f_ag = if (is.null(p$agg)) "a_amean" else p$agg))
      write.csv(get_dset(coin, "Aggregated"), out, row.names = FALSE)
    }, error = function(e) writeLines(conditionMessage(e), paste0(out, ".err")))
  }
}
