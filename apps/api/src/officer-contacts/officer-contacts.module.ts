import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OfficerContactEntity } from './officer-contact.entity.js';
import { OfficerContactsController } from './officer-contacts.controller.js';
import { OfficerContactsService } from './officer-contacts.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([OfficerContactEntity])],
  controllers: [OfficerContactsController],
  providers: [OfficerContactsService],
})
export class OfficerContactsModule {}
