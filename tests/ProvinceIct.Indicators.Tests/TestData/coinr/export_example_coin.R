# Builds COINr's example coin (build_example_coin() of COINr 1.1.14, same calls, same order) from COINr's own R
# sources and writes its inputs and every stage as CSV for CoinrExampleCoinTests.
#
# Usage: Rscript export_example_coin.R COINR_CHECKOUT OUTPUT_DIR
#   COINR_CHECKOUT: a checkout of https://github.com/bluefoxr/COINr (its R/ and data/ folders are read; COINr itself
#   need not be installed, its R files are sourced). Needs base R only (stats, utils).
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 2)
src <- args[1]
out <- args[2]

for (f in list.files(file.path(src, "R"), pattern = "\\.R$", full.names = TRUE)) sys.source(f, envir = globalenv())
load(file.path(src, "data", "ASEM_iData.rda"))
load(file.path(src, "data", "ASEM_iMeta.rda"))

# Every number with 17 significant digits, so that the doubles round-trip exactly; NA as empty.
write_exact <- function(df, name) {
  df <- as.data.frame(df)
  for (n in names(df)) {
    if (is.numeric(df[[n]])) {
      df[[n]] <- ifelse(is.na(df[[n]]), NA, sprintf("%.17g", df[[n]]))
    }
  }
  utils::write.csv(df, file.path(out, name), row.names = FALSE, na = "")
}

write_exact(ASEM_iData, "ASEM_iData.csv")
write_exact(ASEM_iMeta, "ASEM_iMeta.csv")

# The calls of build_example_coin(), in its order: denominate, impute (by group), screen, treat, normalise, aggregate.
coin <- new_coin(ASEM_iData, ASEM_iMeta, level_names = c("Indicator", "Pillar", "Sub-index", "Index"))
coin <- Denominate(coin, dset = "Raw")
coin <- Impute(coin, dset = "Denominated", f_i = "i_mean_grp", use_group = "EurAsia_group")
coin <- Screen(coin, dset = "Imputed", dat_thresh = 0.9, unit_screen = "byNA")
coin <- Treat(coin, dset = "Screened", global_specs = list(f1_para = list(winmax = 5)))
coin <- Normalise(coin, dset = "Treated", global_specs = list(f_n = "n_minmax", f_n_para = list(c(0, 100))))
coin <- Aggregate(coin, dset = "Normalised", f_ag = "a_amean")

write_exact(coin$Data$Denominated, "denominated.csv")
write_exact(coin$Data$Imputed, "imputed.csv")
write_exact(coin$Data$Screened, "screened.csv")
write_exact(coin$Data$Treated, "treated.csv")
write_exact(coin$Data$Normalised, "normalised.csv")
write_exact(coin$Data$Aggregated, "aggregated.csv")
# Ranks of every column of the aggregated set: COINr's rank_df (highest value rank 1, ties take the lowest rank).
write_exact(rank_df(coin$Data$Aggregated), "ranks.csv")
# What Treat did to each indicator, and the availability and zero counts the screening saw.
write_exact(coin$Analysis$Treated$Dets_Table, "treated_details.csv")
write_exact(coin$Analysis$Screened$DataSummary, "screened_summary.csv")

# The other order (screen before impute, this library's default order): screening the denominated set at 0.9 removes
# the units with more than 10 % missing, which imputing first keeps.
write_exact(Screen(coin, dset = "Denominated", dat_thresh = 0.9, unit_screen = "byNA", out2 = "list")$DataSummary,
            "denominated_screen_byNA.csv")
# Screening by zeros and by missing-or-zeros on the denominated set, with a non-zero threshold of 0.95.
write_exact(Screen(coin, dset = "Denominated", unit_screen = "byzeros", nonzero_thresh = 0.95, out2 = "list")$DataSummary,
            "denominated_screen_byzeros.csv")
write_exact(Screen(coin, dset = "Denominated", unit_screen = "byNAandzeros", dat_thresh = 0.9, nonzero_thresh = 0.95,
                   out2 = "list")$DataSummary, "denominated_screen_byNAandzeros.csv")
cat(R.version.string, "\n")
