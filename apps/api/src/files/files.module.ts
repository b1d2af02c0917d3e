import { Global, Module } from '@nestjs/common';
import { DatabaseFileStore } from './database-file-store.js';
import { FILE_STORE } from './file-store.js';
import { FilesController } from './files.controller.js';

/** The FileStore for every feature that stores attached files (ADR019). */
@Global()
@Module({
  controllers: [FilesController],
  providers: [{ provide: FILE_STORE, useClass: DatabaseFileStore }],
  exports: [FILE_STORE],
})
export class FilesModule {}
