import type { CuratedRegion } from './curated-region-type.js';

/**
 * Ukraine's 24 oblasts, Crimea and the two cities with special status. Places inside Ukraine's
 * internationally recognised borders keep Ukrainian ISO codes whatever their occupation status
 * (Crimea UA-43, Sevastopol UA-40, Donetsk UA-14, Luhansk UA-09, Zaporizhzhia UA-23, Kherson UA-65).
 * Stems list the Ukrainian romanisation first, then Russian-derived spellings still common in wires.
 */
export const UKRAINE_REGIONS: readonly CuratedRegion[] = [
  { code: 'UA-71', name: 'Cherkasy Oblast', admin1: 'UA.01', stems: ['Cherkasy', 'Cherkassy', 'Cherkaska'], names: ['Cherkashchyna'] },
  {
    code: 'UA-74',
    name: 'Chernihiv Oblast',
    admin1: 'UA.02',
    stems: ['Chernihiv', 'Chernigov', 'Chernihivska'],
    names: ['Chernihivshchyna'],
  },
  {
    code: 'UA-77',
    name: 'Chernivtsi Oblast',
    admin1: 'UA.03',
    stems: ['Chernivtsi', 'Chernovtsy', 'Chernivetska'],
    names: ['Bukovyna', 'Bukovina'],
  },
  {
    code: 'UA-12',
    name: 'Dnipropetrovsk Oblast',
    admin1: 'UA.04',
    stems: ['Dnipropetrovsk', 'Dnipro', 'Dnepropetrovsk', 'Dnepr', 'Dnipropetrovska'],
    names: ['Dnipropetrovshchyna', 'Dnipropetrovsk'],
  },
  { code: 'UA-14', name: 'Donetsk Oblast', admin1: 'UA.05', stems: ['Donetsk', 'Donetska'], names: ['Donechchyna'] },
  {
    code: 'UA-26',
    name: 'Ivano-Frankivsk Oblast',
    admin1: 'UA.06',
    stems: ['Ivano-Frankivsk', 'Ivano-Frankovsk', 'Ivano-Frankivska'],
    names: ['Prykarpattia'],
  },
  { code: 'UA-63', name: 'Kharkiv Oblast', admin1: 'UA.07', stems: ['Kharkiv', 'Kharkov', 'Kharkivska'], names: ['Kharkivshchyna'] },
  { code: 'UA-65', name: 'Kherson Oblast', admin1: 'UA.08', stems: ['Kherson', 'Khersonska'], names: ['Khersonshchyna'] },
  {
    code: 'UA-68',
    name: 'Khmelnytskyi Oblast',
    admin1: 'UA.09',
    stems: ['Khmelnytskyi', 'Khmelnytsky', 'Khmelnitsky', 'Khmelnytskyy', 'Khmelnytska'],
    names: ['Khmelnychchyna'],
  },
  {
    code: 'UA-35',
    name: 'Kirovohrad Oblast',
    admin1: 'UA.10',
    stems: ['Kirovohrad', 'Kirovograd', 'Kropyvnytskyi', 'Kirovohradska'],
    names: ['Kirovohradshchyna'],
  },
  {
    code: 'UA-43',
    name: 'Crimea',
    admin1: 'UA.11',
    stems: ['Crimea', 'Crimean'],
    names: ['Crimea', 'Crimean Peninsula', 'Autonomous Republic of Crimea', 'Krym'],
  },
  { code: 'UA-30', name: 'Kyiv', admin1: 'UA.12', city: true, capital: true, names: ['Kyiv', 'Kiev', 'Kyiv City'] },
  { code: 'UA-32', name: 'Kyiv Oblast', admin1: 'UA.13', stems: ['Kyiv', 'Kiev', 'Kyivska', 'Kievskaya'], names: ['Kyivshchyna'] },
  { code: 'UA-09', name: 'Luhansk Oblast', admin1: 'UA.14', stems: ['Luhansk', 'Lugansk', 'Luhanska'], names: ['Luhanshchyna'] },
  { code: 'UA-46', name: 'Lviv Oblast', admin1: 'UA.15', stems: ['Lviv', 'Lvov', 'Lvivska'], names: ['Lvivshchyna'] },
  {
    code: 'UA-48',
    name: 'Mykolaiv Oblast',
    admin1: 'UA.16',
    stems: ['Mykolaiv', 'Mykolayiv', 'Nikolaev', 'Nikolayev', 'Mykolaivska'],
    names: ['Mykolaivshchyna'],
  },
  { code: 'UA-51', name: 'Odesa Oblast', admin1: 'UA.17', stems: ['Odesa', 'Odessa', 'Odeska'], names: ['Odeshchyna'] },
  { code: 'UA-53', name: 'Poltava Oblast', admin1: 'UA.18', stems: ['Poltava', 'Poltavska'], names: ['Poltavshchyna'] },
  { code: 'UA-56', name: 'Rivne Oblast', admin1: 'UA.19', stems: ['Rivne', 'Rovno', 'Rivnenska'], names: ['Rivnenshchyna'] },
  { code: 'UA-40', name: 'Sevastopol', admin1: 'UA.20', city: true, names: ['Sevastopol', 'Sebastopol'] },
  { code: 'UA-59', name: 'Sumy Oblast', admin1: 'UA.21', stems: ['Sumy', 'Sumska'], names: ['Sumshchyna'] },
  { code: 'UA-61', name: 'Ternopil Oblast', admin1: 'UA.22', stems: ['Ternopil', 'Ternopol', 'Ternopilska'], names: ['Ternopilshchyna'] },
  {
    code: 'UA-05',
    name: 'Vinnytsia Oblast',
    admin1: 'UA.23',
    stems: ['Vinnytsia', 'Vinnytsya', 'Vinnitsa', 'Vinnytska'],
    names: ['Vinnychchyna'],
  },
  { code: 'UA-07', name: 'Volyn Oblast', admin1: 'UA.24', stems: ['Volyn', 'Volhynia', 'Volynska', 'Lutsk'], names: ['Volyn', 'Volhynia'] },
  {
    code: 'UA-21',
    name: 'Zakarpattia Oblast',
    admin1: 'UA.25',
    stems: ['Zakarpattia', 'Zakarpattya', 'Transcarpathia', 'Transcarpathian', 'Zakarpatska', 'Uzhhorod'],
    names: ['Zakarpattia', 'Zakarpattya', 'Transcarpathia'],
  },
  {
    code: 'UA-23',
    name: 'Zaporizhzhia Oblast',
    admin1: 'UA.26',
    stems: ['Zaporizhzhia', 'Zaporizhia', 'Zaporizhzhya', 'Zaporozhye', 'Zaporozhzhia', 'Zaporizka'],
  },
  { code: 'UA-18', name: 'Zhytomyr Oblast', admin1: 'UA.27', stems: ['Zhytomyr', 'Zhitomir', 'Zhytomyrska'], names: ['Zhytomyrshchyna'] },
];
